package dev.lifeline.client.viewing;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenMessages;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.wire.e2e.ScreenControl;
import dev.lifeline.common.wire.e2e.ScreenPull;
import dev.lifeline.common.wire.e2e.ScreenRequest;
import dev.lifeline.common.wire.e2e.ScreenState;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's side of screen sharing, on the session's event loop: asks, pulls, and hands
 * the customer's updates to a {@link FrameDecoding} on its own thread. Two pulls go out when a
 * stream starts and one more each time a picture has been drawn, so at most two updates are
 * ever in flight and a slow screen lowers the frame rate instead of queueing.
 */
public final class ScreenViewer {
    private static final Logger log = LoggerFactory.getLogger(ScreenViewer.class);
    /** Pull send times we remember; more than in flight, so a late answer still finds its own. */
    private static final int REMEMBERED_PULLS = 8;

    private final EventLoop loop;
    private final ViewerEvents events;
    private ScreenShareState state = ScreenShareState.OFF;
    private boolean requested;
    /** The quality asked for, remembered when set before the request. */
    private Quality wantedQuality = Quality.AUTO;
    /** The stream whose updates we accept; -1 for none. */
    private int stream = -1;
    private long nextPullId = 1;
    private final Map<Long, Long> pullSentAt = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > REMEMBERED_PULLS;
        }
    };
    private int slicesInUpdate;
    private long updatePullSentAt;
    private boolean updateRejected;
    private ExecutorService decodeThread;
    private FrameDecoding decoding;
    private boolean closed;

    public ScreenViewer(EventLoop loop, ViewerEvents events) {
        this.loop = loop;
        this.events = events;
    }

    public void request() {
        if (closed || requested) {
            return;
        }
        requested = true;
        events.send(SessionMessage.newBuilder()
                .setScreenRequest(ScreenRequest.newBuilder().setQuality(ScreenMessages.toWire(wantedQuality))).build());
        publish(new ScreenShareState(Status.REQUESTED, List.of(), 0, wantedQuality, ""));
    }

    public void stopViewing() {
        if (closed || !requested) {
            return;
        }
        requested = false;
        stream = -1;
        events.send(control(ScreenControl.newBuilder().setStopViewing(true)));
        publish(state.with(Status.STOPPED, "you stopped viewing"));
    }

    public void setQuality(Quality quality) {
        wantedQuality = quality;
        if (requested) {
            events.send(control(ScreenControl.newBuilder().setSelectQuality(ScreenMessages.toWire(quality))));
        }
    }

    public void selectMonitor(int index) {
        if (requested && index >= 0 && index < state.monitors().size()) {
            events.send(control(ScreenControl.newBuilder().setSelectMonitor(index)));
        }
    }

    /** A screen-sharing message from the customer. Returns false if it is not one. */
    public boolean onMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case SCREEN_STATE -> onState(message.getScreenState());
            case SCREEN_UPDATE -> onUpdate(message.getScreenUpdate(), System.nanoTime());
            case SCREEN_REQUEST, SCREEN_PULL, SCREEN_CONTROL -> log.warn("ignoring {} from the customer: only the technician sends it",
                    message.getBodyCase());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onState(ScreenState message) {
        if (closed || !requested) {
            return; // nothing asked: a state we did not ask for is not shown
        }
        List<MonitorInfo> monitors = ScreenMessages.fromWire(message.getMonitorsList());
        int active = monitors.isEmpty() ? 0 : Math.min(message.getActiveMonitor(), monitors.size() - 1);
        Quality quality = ScreenMessages.fromWire(message.getQuality());
        String detail = message.getDetail().length() > 300 ? message.getDetail().substring(0, 300) : message.getDetail();
        Status status;
        switch (message.getStatus()) {
            case GRANTED, RESUMED -> {
                status = Status.SHARING;
                startStream(message.getStream());
            }
            case CHANGED -> status = Status.SHARING;
            case PAUSED -> status = Status.PAUSED;
            case DENIED, STOPPED, UNAVAILABLE -> {
                status = switch (message.getStatus()) {
                    case DENIED -> Status.DENIED;
                    case STOPPED -> Status.STOPPED;
                    default -> Status.UNAVAILABLE;
                };
                requested = false;
                stream = -1;
            }
            default -> {
                log.debug("ignoring screen state {}", message.getStatus());
                return;
            }
        }
        publish(new ScreenShareState(status, monitors, active, quality, detail));
    }

    private void startStream(int newStream) {
        stream = newStream;
        slicesInUpdate = 0;
        updateRejected = false;
        if (decodeThread == null) {
            decodeThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("lifeline-screen-decode", true));
            decoding = new FrameDecoding(this, events, decodeThread);
        }
        FrameDecoding d = decoding;
        try {
            decodeThread.execute(() -> d.startStream(newStream));
        } catch (RejectedExecutionException e) {
            return;
        }
        for (int i = 0; i < ScreenMessages.MAX_UPDATES_IN_FLIGHT; i++) {
            sendPull(newStream, false);
        }
    }

    void onUpdate(ScreenUpdate update, long receivedNanos) {
        if (closed || state.status() != Status.SHARING || update.getStream() != stream) {
            return; // from before a pause or stop, or never asked for
        }
        if (update.getFirstSlice()) {
            slicesInUpdate = 0;
            updateRejected = false;
            Long sentAt = pullSentAt.remove(update.getPullId());
            updatePullSentAt = sentAt == null ? -1 : sentAt;
        }
        slicesInUpdate++;
        if (update.getSlice().size() > ScreenMessages.MAX_SLICE_BYTES || slicesInUpdate > ScreenMessages.MAX_SLICES_PER_UPDATE) {
            if (!updateRejected) {
                log.warn("screen update out of bounds ({} slices, slice of {} bytes): dropped",
                        slicesInUpdate, update.getSlice().size());
                updateRejected = true;
            }
        }
        if (updateRejected) {
            if (update.getLastSlice()) {
                damaged(stream, "an update was too large and was dropped");
                sendPull(stream, true);
            }
            return;
        }
        FrameDecoding d = decoding;
        long sentAt = updatePullSentAt;
        try {
            decodeThread.execute(() -> d.slice(new FrameDecoding.Slice(update, receivedNanos, sentAt)));
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Asks for one more update of {@code forStream}, if that stream is still the one shown. */
    void sendPull(int forStream, boolean keyframe) {
        if (closed || forStream != stream || state.status() == Status.STOPPED) {
            return;
        }
        long id = nextPullId++;
        long now = System.nanoTime();
        pullSentAt.put(id, now);
        events.send(SessionMessage.newBuilder().setScreenPull(ScreenPull.newBuilder()
                .setPullId(id).setStream(forStream).setKeyframe(keyframe)
                .setViewerSentAtMicros(now / 1000)).build());
    }

    /** From the decode thread: a picture was drawn, ask for the next. */
    void drawn(int forStream) {
        onLoop(() -> sendPull(forStream, false));
    }

    /** From the decode thread: the update did not decode; ask for a whole new picture. */
    void undecodable(int forStream, String reason) {
        onLoop(() -> {
            damaged(forStream, reason);
            sendPull(forStream, true);
        });
    }

    private void damaged(int forStream, String reason) {
        if (forStream == stream && state.status() == Status.SHARING) {
            publish(state.with(Status.SHARING, "the picture was damaged (" + reason + "); a fresh one is on its way"));
        }
    }

    /** The session is over. */
    public void close() {
        closed = true;
        stream = -1;
        if (decodeThread != null) {
            decodeThread.shutdownNow();
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // the app is shutting down
        }
    }

    private static SessionMessage control(ScreenControl.Builder control) {
        return SessionMessage.newBuilder().setScreenControl(control).build();
    }

    private void publish(ScreenShareState newState) {
        state = newState;
        events.stateChanged(newState);
    }
}
