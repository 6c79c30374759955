package dev.lifeline.client.sharing;

import com.google.protobuf.UnsafeByteOperations;
import dev.lifeline.client.capture.CaptureUnavailableException;
import dev.lifeline.client.capture.CursorPosition;
import dev.lifeline.client.capture.ScreenSource;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.client.screen.CursorShape;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenMessages;
import dev.lifeline.common.screen.EncodedUpdate;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenEncoder;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.SliceSink;
import dev.lifeline.common.wire.e2e.ScreenCursor;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures and encodes on its own thread, one update per pull from the viewer. With no credit
 * it captures nothing (the screen moves on and the next capture is the newest picture); with
 * credit and no change it looks again at the frame-rate cap. Every method hands its work to the
 * capture thread, so all fields below are touched there only.
 */
final class ScreenSender {
    private static final Logger log = LoggerFactory.getLogger(ScreenSender.class);
    static final int DEFAULT_FPS = 30;
    /** How often the monitors are looked at again while sharing (hot-plug). */
    static final long MONITOR_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Where the sender's results go; called on the capture thread. */
    interface Output {
        void opened(List<MonitorInfo> monitors);

        /** All slices of one update, to be sent in order. */
        void send(int stream, List<ScreenUpdate> slices);

        /** Capture stopped working (or never did): the reason, for the person. */
        void failed(String reason);

        /** A monitor was plugged in or out: the new list, and the one captured from now on. */
        void monitorsChanged(List<MonitorInfo> monitors, int active);
    }

    private final ScheduledExecutorService thread;
    private final Output output;
    private final long frameIntervalNanos;
    private final LongSupplier nanoTime;
    private final ScreenEncoder encoder = new ScreenEncoder(new JpegPhotoCodec());
    private final PullCredits credits = new PullCredits(ScreenMessages.MAX_UPDATES_IN_FLIGHT);
    private final AtomicLong updatesSent = new AtomicLong();
    private final AtomicLong captures = new AtomicLong();

    private ScreenSource source;
    /** The monitors as last told to the session; the stream's monitor is an index into them. */
    private List<MonitorInfo> monitors = List.of();
    private long nextMonitorCheck;
    private boolean running;
    private boolean closed;
    private int stream;
    private int monitor;
    private Quality quality = Quality.AUTO;
    private long streamStartNanos;
    private long nextCaptureAt;
    private long frameNumber;
    private long starvedSince = -1;
    private boolean congested;
    private CursorPosition lastCursor = CursorPosition.HIDDEN;
    /** The pointer look the viewer has of this stream; null: none sent yet. */
    private CursorShape lastShape;
    private ScheduledFuture<?> tick;
    /** While the session is recorded: a keyframe at least this often, so playback can seek (0 = off). */
    private volatile long keyframeIntervalNanos;
    private long lastKeyframeAt;

    ScreenSender(Output output, int fps, LongSupplier nanoTime) {
        this.output = output;
        this.frameIntervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, Math.min(fps, 120));
        this.nanoTime = nanoTime;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("lifeline-screen-capture", true));
    }

    /** While recording: a full keyframe at least every {@code intervalNanos} (0 turns it off). */
    void keyframeInterval(long intervalNanos) {
        keyframeIntervalNanos = Math.max(0, intervalNanos);
    }

    /** Opens the source (the customer has agreed); {@link Output#opened} or {@link Output#failed} follows. */
    void open(ScreenSources sources) {
        run(() -> {
            try {
                source = sources.open();
                List<MonitorInfo> monitors = source.monitors();
                if (monitors.isEmpty()) {
                    throw new CaptureUnavailableException("no monitor to share");
                }
                this.monitors = monitors;
                output.opened(monitors);
            } catch (CaptureUnavailableException e) {
                log.info("screen capture unavailable: {}", e.getMessage());
                output.failed(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("opening the screen source failed", e);
                output.failed("the screen could not be opened: " + e.getMessage());
            }
        });
    }

    /** Starts (or restarts after a pause) a stream: fresh credits, a keyframe first. */
    void startStream(int streamId, int monitorIndex, Quality q) {
        run(() -> {
            stream = streamId;
            monitor = monitorIndex;
            quality = q;
            credits.clear();
            encoder.requestKeyframe();
            lastCursor = CursorPosition.HIDDEN;
            lastShape = null;
            starvedSince = -1;
            congested = false;
            streamStartNanos = nanoTime.getAsLong();
            nextCaptureAt = streamStartNanos;
            frameNumber = 0;
            // Monitors may have come or gone while paused: look at once.
            nextMonitorCheck = streamStartNanos;
            running = source != null;
        });
    }

    /** Stops capturing at once; credits are dropped with the stream. */
    void pause() {
        run(() -> {
            running = false;
            cancelTick();
        });
    }

    void onPull(int pullStream, long pullId, boolean keyframe, long receivedAtNanos) {
        run(() -> {
            if (!running || pullStream != stream) {
                return;
            }
            if (keyframe) {
                encoder.requestKeyframe();
            }
            if (!credits.offer(pullId, receivedAtNanos)) {
                return;
            }
            if (starvedSince >= 0) {
                // We wanted to send and had to wait for this pull: the link or the viewer is slow.
                congested = receivedAtNanos - starvedSince > 2 * frameIntervalNanos;
                starvedSince = -1;
            }
            scheduleTick(0);
        });
    }

    void selectMonitor(int index) {
        run(() -> {
            // The session may still offer a monitor that has just been unplugged.
            if (index >= 0 && index < monitors.size()) {
                monitor = index;
                encoder.requestKeyframe();
            }
        });
    }

    /** A new quality repaints everything, so SHARP makes earlier lossy areas exact at once. */
    void setQuality(Quality q) {
        run(() -> {
            if (q != quality) {
                quality = q;
                encoder.requestKeyframe();
            }
        });
    }

    void close() {
        try {
            thread.execute(() -> {
                closed = true;
                running = false;
                cancelTick();
                if (source != null) {
                    source.close();
                    source = null;
                }
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
    }

    long updatesSent() {
        return updatesSent.get();
    }

    long captures() {
        return captures.get();
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void scheduleTick(long delayNanos) {
        if (tick != null || !running) {
            return;
        }
        tick = thread.schedule(this::tick, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void cancelTick() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }

    private void tick() {
        tick = null;
        if (!running || closed) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (credits.isEmpty()) {
            return; // the next pull schedules us again
        }
        if (now < nextCaptureAt) {
            scheduleTick(nextCaptureAt - now);
            return;
        }
        nextCaptureAt = now + frameIntervalNanos;
        if (now >= nextMonitorCheck) {
            nextMonitorCheck = now + MONITOR_CHECK_NANOS;
            if (!followMonitors()) {
                return;
            }
        }
        captureAndSend(now);
        if (!running) {
            return;
        }
        if (credits.isEmpty()) {
            starvedSince = nextCaptureAt; // from then on we wait for the viewer
        } else {
            scheduleTick(nextCaptureAt - nanoTime.getAsLong());
        }
    }

    /**
     * Looks for monitors plugged in or out. The stream stays on the same monitor (found by name)
     * when it is still there, else moves to the primary one; either way the viewer gets a fresh
     * picture. False when sharing had to stop.
     */
    private boolean followMonitors() {
        List<MonitorInfo> now;
        try {
            now = source.rescanMonitors();
        } catch (CaptureUnavailableException | RuntimeException e) {
            running = false;
            log.info("monitors cannot be listed: {}", e.getMessage());
            output.failed(e.getMessage());
            return false;
        }
        if (now.equals(monitors)) {
            return true;
        }
        if (now.isEmpty()) {
            running = false;
            output.failed("no monitor is left to share");
            return false;
        }
        String current = monitor < monitors.size() ? monitors.get(monitor).name() : null;
        int next = -1;
        for (MonitorInfo m : now) {
            if (m.name().equals(current)) {
                next = m.index();
            }
        }
        if (next < 0) {
            next = now.stream().filter(MonitorInfo::primary).findFirst().map(MonitorInfo::index).orElse(0);
        }
        log.info("monitors changed: {} now, sharing monitor {}", now.size(), next + 1);
        monitors = now;
        monitor = next;
        encoder.requestKeyframe();
        output.monitorsChanged(now, next);
        return true;
    }

    private void captureAndSend(long captureAt) {
        ScreenImage image;
        CursorPosition cursor;
        CursorShape shape;
        try {
            image = source.capture(monitor);
            cursor = source.cursor(monitor);
            shape = source.cursorShape();
        } catch (CaptureUnavailableException | RuntimeException e) {
            // A monitor unplugged under the capture: follow the new list rather than stop.
            List<MonitorInfo> before = monitors;
            if (!followMonitors()) {
                return;
            }
            if (!monitors.equals(before)) {
                return;
            }
            running = false;
            log.info("screen capture failed: {}", e.getMessage());
            output.failed(e.getMessage());
            return;
        }
        captures.incrementAndGet();
        // Frame numbers count capture ticks, so skipped frames show as a jump.
        frameNumber = Math.max(frameNumber + 1, (captureAt - streamStartNanos) / frameIntervalNanos);
        long interval = keyframeIntervalNanos;
        if (interval > 0 && captureAt - lastKeyframeAt >= interval) {
            encoder.requestKeyframe();
        }
        boolean cursorMoved = !cursor.equals(lastCursor);
        boolean shapeChanged = shape != null && !shape.equals(lastShape);
        Slicer slicer = new Slicer(captureAt, cursor, shapeChanged ? shape : null);
        EncodedUpdate update;
        try {
            update = encoder.encode(image, quality, congested, slicer);
        } catch (IllegalStateException e) {
            slicer.tooLarge = e.getMessage();
            update = EncodedUpdate.NONE;
        }
        if (slicer.tooLarge != null) {
            running = false;
            log.warn("screen update not sent: {}", slicer.tooLarge);
            output.failed(slicer.tooLarge);
            return;
        }
        if (update.keyframe()) {
            lastKeyframeAt = captureAt;
        }
        if (update.isEmpty()) {
            if (!cursorMoved && !shapeChanged) {
                return;
            }
            slicer.slice(new byte[0], false, true, true); // the pointer alone moved
        }
        lastCursor = cursor;
        if (shapeChanged) {
            lastShape = shape;
        }
        updatesSent.incrementAndGet();
    }

    /**
     * Sends each slice the moment the encoder has written it, so the viewer decodes the top of a
     * big update while the bottom is still being coded. The first slice takes the pull credit and
     * carries the timings; the last carries the pointer.
     */
    private final class Slicer implements SliceSink {
        private final long captureAt;
        private final CursorPosition cursor;
        private final CursorShape newShape;
        private ScreenUpdate.Builder common;
        private int count;
        String tooLarge;

        Slicer(long captureAt, CursorPosition cursor, CursorShape newShape) {
            this.captureAt = captureAt;
            this.cursor = cursor;
            this.newShape = newShape;
        }

        @Override
        public void slice(byte[] bytes, boolean keyframe, boolean first, boolean last) {
            if (tooLarge != null) {
                return;
            }
            if (++count > ScreenMessages.MAX_SLICES_PER_UPDATE) {
                tooLarge = "the screen update has more than " + ScreenMessages.MAX_SLICES_PER_UPDATE + " slices";
                return;
            }
            if (bytes.length > ScreenMessages.MAX_SLICE_BYTES) {
                tooLarge = "a screen update slice of " + bytes.length + " bytes does not fit in one message";
                return;
            }
            ScreenUpdate.Builder slice;
            if (common == null) {
                PullCredits.Pull pull = credits.take();
                long sendAt = nanoTime.getAsLong();
                common = ScreenUpdate.newBuilder()
                        .setStream(stream)
                        .setMonitor(monitor)
                        .setFrameNumber(frameNumber)
                        .setKeyframe(keyframe)
                        .setPullId(pull.id());
                slice = common.clone()
                        .setHoldMicros(micros(sendAt - pull.receivedAtNanos()))
                        .setCaptureToSendMicros(micros(sendAt - captureAt));
            } else {
                slice = common.clone();
            }
            // The encoder never touches a slice again once handed over: no copy needed.
            slice.setSlice(UnsafeByteOperations.unsafeWrap(bytes)).setFirstSlice(first).setLastSlice(last);
            if (last) {
                ScreenCursor.Builder pointer = ScreenCursor.newBuilder()
                        .setX(cursor.x()).setY(cursor.y()).setVisible(cursor.visible());
                if (newShape != null) {
                    pointer.setShape(ScreenMessages.toWire(newShape));
                }
                slice.setCursor(pointer);
            }
            output.send(stream, List.of(slice.build()));
        }
    }

    private static int micros(long nanos) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, nanos / 1000));
    }
}
