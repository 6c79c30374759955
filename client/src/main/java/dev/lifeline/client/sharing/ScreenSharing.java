package dev.lifeline.client.sharing;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenMessages;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent.Actor;
import dev.lifeline.common.consent.ConsentException;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.wire.e2e.ScreenControl;
import dev.lifeline.common.wire.e2e.ScreenPull;
import dev.lifeline.common.wire.e2e.ScreenRequest;
import dev.lifeline.common.wire.e2e.ScreenState;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import io.netty.channel.EventLoop;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of screen sharing: consent first, then a {@link ScreenSender} per grant.
 * Runs on the session's event loop. The technician's messages are requests, never orders: a
 * request only asks the person, pulls count only while sharing, and monitor numbers are checked.
 * Nothing is captured before the person answered yes to a pending request. The consent itself is
 * the {@link Capability#VIEW_SCREEN} entry of the session's {@link ConsentLedger}, which also keeps
 * the technician from nagging after a "no".
 */
public final class ScreenSharing {
    private static final Logger log = LoggerFactory.getLogger(ScreenSharing.class);

    private enum Phase { IDLE, ASKED, OPENING, SHARING, PAUSED }

    private final EventLoop loop;
    private final ScreenSources sources;
    private final SharingEvents events;
    private final int fps;
    private Phase phase = Phase.IDLE;
    /** What the technician asked for in its request; the stream starts in it. */
    private Quality requestedQuality = Quality.AUTO;
    private final ConsentLedger consent;
    private ScreenShareState state = ScreenShareState.OFF;
    /** Volatile only for the counters tests read; the session thread owns it. */
    private volatile ScreenSender sender;
    /** Keyframe interval while the session is recorded (issue 7); 0 when it is not. */
    private volatile long recordingKeyframeNanos;
    private int stream;
    private boolean closed;

    public ScreenSharing(EventLoop loop, ScreenSources sources, SharingEvents events, ConsentLedger consent) {
        this(loop, sources, events, consent, ScreenSender.DEFAULT_FPS);
    }

    public ScreenSharing(EventLoop loop, ScreenSources sources, SharingEvents events, ConsentLedger consent, int fps) {
        this.loop = loop;
        this.consent = consent;
        this.sources = sources;
        this.events = events;
        this.fps = fps;
    }

    /** A screen-sharing message from the technician. Returns false if it is not one. */
    /** The session is recorded: send a keyframe at least every 10 s so that playback can seek. */
    public void recording(boolean recorded) {
        recordingKeyframeNanos = recorded ? RECORDING_KEYFRAME_NANOS : 0;
        ScreenSender current = sender;
        if (current != null) {
            current.keyframeInterval(recordingKeyframeNanos);
        }
    }

    static final long RECORDING_KEYFRAME_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    public boolean onMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case SCREEN_REQUEST -> request(message.getScreenRequest());
            case SCREEN_PULL -> onPull(message.getScreenPull());
            case SCREEN_CONTROL -> onControl(message.getScreenControl());
            case SCREEN_STATE, SCREEN_UPDATE -> log.warn("ignoring {} from the technician: only the customer sends it",
                    message.getBodyCase());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The technician asks to see the screen (a ScreenRequest, or VIEW_SCREEN in a ConsentRequest). */
    public void request(ScreenRequest request) {
        if (closed || phase != Phase.IDLE) {
            return; // already asked, or already sharing
        }
        try {
            consent.request(Capability.VIEW_SCREEN);
        } catch (ConsentException e) {
            // A "no" is not an invitation to ask again at once: the app answers for the person.
            log.info("screen request refused without asking: {}", e.getMessage());
            sendState(ScreenState.Status.DENIED, e.getMessage());
            return;
        }
        phase = Phase.ASKED;
        requestedQuality = ScreenMessages.fromWire(request.getQuality());
        publish(ScreenShareState.OFF.with(Status.REQUESTED, ""));
        events.screenRequested();
    }

    /** The person's answer; only counts while a request is pending. */
    public void answer(boolean allow) {
        if (closed || phase != Phase.ASKED) {
            log.debug("screen answer without a pending request ignored");
            return;
        }
        if (!allow) {
            phase = Phase.IDLE;
            consent.deny(Capability.VIEW_SCREEN);
            sendState(ScreenState.Status.DENIED, "");
            publish(state.with(Status.DENIED, ""));
            return;
        }
        consent.grant(Capability.VIEW_SCREEN);
        phase = Phase.OPENING;
        SenderOutput output = new SenderOutput();
        sender = new ScreenSender(output, fps, System::nanoTime);
        sender.keyframeInterval(recordingKeyframeNanos);
        output.owner = sender;
        sender.open(sources);
    }

    private void opened(ScreenSender from, List<MonitorInfo> monitors) {
        if (from != sender || phase != Phase.OPENING) {
            return;
        }
        int primary = monitors.stream().filter(MonitorInfo::primary).findFirst().map(MonitorInfo::index).orElse(0);
        state = new ScreenShareState(Status.SHARING, monitors, primary, requestedQuality, "");
        phase = Phase.SHARING;
        stream++;
        sender.startStream(stream, primary, state.quality());
        sendState(ScreenState.Status.GRANTED, "");
        publish(state);
    }

    /** A monitor was plugged in or out while sharing: the technician's picker follows. */
    private void monitorsChanged(ScreenSender from, List<MonitorInfo> monitors, int active) {
        if (from != sender || (phase != Phase.SHARING && phase != Phase.PAUSED)) {
            return;
        }
        state = new ScreenShareState(state.status(), monitors, active, state.quality(), "");
        changed();
    }

    private void failed(ScreenSender from, String reason) {
        if (from != sender || sender == null) {
            return;
        }
        sender.close();
        sender = null;
        phase = Phase.IDLE;
        consent.revoke(Capability.VIEW_SCREEN, Actor.CUSTOMER_APP);
        sendState(ScreenState.Status.UNAVAILABLE, reason);
        publish(state.with(Status.UNAVAILABLE, reason));
    }

    /** Freezes the picture at once: no capture, no sending until {@link #resume()}. */
    public void pause() {
        if (phase != Phase.SHARING) {
            return;
        }
        phase = Phase.PAUSED;
        sender.pause();
        sendState(ScreenState.Status.PAUSED, "");
        publish(state.with(Status.PAUSED, ""));
    }

    public void resume() {
        if (phase != Phase.PAUSED) {
            return;
        }
        phase = Phase.SHARING;
        stream++;
        sender.startStream(stream, state.activeMonitor(), state.quality());
        sendState(ScreenState.Status.RESUMED, "");
        publish(state.with(Status.SHARING, ""));
    }

    /** Ends sharing (or withdraws a pending request); the technician has to ask again. */
    public void stop(String detail, Actor by) {
        if (phase == Phase.IDLE) {
            return;
        }
        boolean wasAsked = phase == Phase.ASKED;
        stopSender();
        phase = Phase.IDLE;
        consent.revoke(Capability.VIEW_SCREEN, by);
        sendState(ScreenState.Status.STOPPED, detail);
        publish((wasAsked ? ScreenShareState.OFF : state).with(Status.STOPPED, detail));
    }

    /** The session is over: stop capturing without telling anyone. */
    public void close() {
        closed = true;
        stopSender();
        phase = Phase.IDLE;
    }

    private void stopSender() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    private void onPull(ScreenPull pull) {
        if (phase != Phase.SHARING) {
            return;
        }
        sender.onPull(pull.getStream(), pull.getPullId(), pull.getKeyframe(), System.nanoTime());
    }

    private void onControl(ScreenControl control) {
        switch (control.getActionCase()) {
            case STOP_VIEWING -> stop("the technician stopped viewing", Actor.TECHNICIAN);
            case SELECT_MONITOR -> {
                int index = control.getSelectMonitor();
                if ((phase != Phase.SHARING && phase != Phase.PAUSED) || index < 0 || index >= state.monitors().size()) {
                    log.warn("ignoring a request for monitor {} ({} shared)", index, state.monitors().size());
                    return;
                }
                state = new ScreenShareState(state.status(), state.monitors(), index, state.quality(), "");
                sender.selectMonitor(index);
                changed();
            }
            case SELECT_QUALITY -> {
                if (phase != Phase.SHARING && phase != Phase.PAUSED) {
                    return;
                }
                Quality quality = ScreenMessages.fromWire(control.getSelectQuality());
                state = new ScreenShareState(state.status(), state.monitors(), state.activeMonitor(), quality, "");
                sender.setQuality(quality);
                changed();
            }
            default -> log.debug("ignoring an empty screen control");
        }
    }

    private void changed() {
        sendState(phase == Phase.PAUSED ? ScreenState.Status.PAUSED : ScreenState.Status.CHANGED, "");
        publish(state);
    }

    private void sendState(ScreenState.Status status, String detail) {
        ScreenState.Builder message = ScreenState.newBuilder()
                .setStatus(status)
                .setDetail(detail)
                .setActiveMonitor(state.activeMonitor())
                .setQuality(ScreenMessages.toWire(state.quality()))
                .setStream(stream);
        state.monitors().forEach(m -> message.addMonitors(ScreenMessages.toWire(m)));
        events.send(SessionMessage.newBuilder().setScreenState(message).build());
    }

    private void publish(ScreenShareState newState) {
        state = newState;
        events.stateChanged(newState);
    }

    private void sendUpdate(int updateStream, List<ScreenUpdate> slices) {
        // An update encoded just before a pause or stop is not sent: the picture freezes at once.
        if (phase != Phase.SHARING || updateStream != stream) {
            return;
        }
        for (ScreenUpdate slice : slices) {
            events.send(SessionMessage.newBuilder().setScreenUpdate(slice).build());
        }
    }

    /**
     * The monitors the technician is looking at now: remote control and the laser pointer act only
     * on them. Empty unless sharing (not while paused: the technician's picture is stale then).
     */
    public List<MonitorInfo> sharedMonitors() {
        return phase == Phase.SHARING ? state.monitors() : List.of();
    }

    /** Updates sent so far by the current sender (tests, benchmarks). */
    public long updatesSent() {
        ScreenSender s = sender;
        return s == null ? 0 : s.updatesSent();
    }

    /** Pictures captured so far by the current sender (tests: nothing before consent). */
    public long captures() {
        ScreenSender s = sender;
        return s == null ? 0 : s.captures();
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the app is shutting down
        }
    }

    /** Hops each result of one sender's capture thread onto the session thread. */
    private final class SenderOutput implements ScreenSender.Output {
        /** Set before the sender starts; results of a replaced sender are ignored. */
        private ScreenSender owner;

        @Override
        public void opened(List<MonitorInfo> monitors) {
            onLoop(() -> ScreenSharing.this.opened(owner, monitors));
        }

        @Override
        public void send(int updateStream, List<ScreenUpdate> slices) {
            onLoop(() -> {
                if (owner == sender) {
                    sendUpdate(updateStream, slices);
                }
            });
        }

        @Override
        public void failed(String reason) {
            onLoop(() -> ScreenSharing.this.failed(owner, reason));
        }

        @Override
        public void monitorsChanged(List<MonitorInfo> monitors, int active) {
            onLoop(() -> ScreenSharing.this.monitorsChanged(owner, monitors, active));
        }
    }
}
