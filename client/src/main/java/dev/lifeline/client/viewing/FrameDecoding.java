package dev.lifeline.client.viewing;

import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.client.screen.CursorShape;
import dev.lifeline.client.screen.FrameTiming;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenMessages;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.common.screen.MalformedScreenUpdateException;
import dev.lifeline.common.screen.ScreenDecoder;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import dev.lifeline.common.wire.e2e.ScreenCursor;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes slices into the viewer's picture on the decode thread, one update at a time. While a
 * picture is out for drawing, later slices wait (at most one more update, by the pull rule), so
 * the buffer handed to the viewer does not change under it.
 */
final class FrameDecoding {
    private static final Logger log = LoggerFactory.getLogger(FrameDecoding.class);

    record Slice(ScreenUpdate update, long receivedNanos, long pullSentNanos) {
    }

    private final ScreenViewer viewer;
    private final ViewerEvents events;
    private final Executor decodeThread;
    private final ScreenDecoder decoder = new ScreenDecoder(new JpegPhotoCodec());
    private final Deque<Slice> waiting = new ArrayDeque<>();
    private final StatsWindow stats = new StatsWindow();
    private int stream = -1;
    private boolean frameOut;
    private boolean broken;
    private ScreenRect changed = ScreenRect.EMPTY;
    private long updateBytes;
    private long pullSentNanos;
    private long holdMicros;
    private long captureToSendMicros;
    private long firstSliceNanos;
    private long decodeStartNanos;
    private long decodeNanos;

    FrameDecoding(ScreenViewer viewer, ViewerEvents events, Executor decodeThread) {
        this.viewer = viewer;
        this.events = events;
        this.decodeThread = decodeThread;
    }

    void startStream(int newStream) {
        stream = newStream;
        waiting.clear();
        broken = false;
        changed = ScreenRect.EMPTY;
    }

    void slice(Slice slice) {
        waiting.addLast(slice);
        drain();
    }

    private void drain() {
        Slice next;
        while (!frameOut && (next = waiting.pollFirst()) != null) {
            apply(next);
        }
    }

    private void apply(Slice slice) {
        ScreenUpdate update = slice.update();
        if (update.getStream() != stream) {
            return;
        }
        if (update.getFirstSlice()) {
            changed = ScreenRect.EMPTY;
            broken = false;
            updateBytes = 0;
            pullSentNanos = slice.pullSentNanos();
            holdMicros = update.getHoldMicros();
            captureToSendMicros = update.getCaptureToSendMicros();
            firstSliceNanos = slice.receivedNanos();
            decodeStartNanos = System.nanoTime();
            decodeNanos = 0;
        }
        updateBytes += update.getSlice().size();
        if (!broken && !update.getSlice().isEmpty()) {
            long start = System.nanoTime();
            try {
                changed = changed.union(decoder.apply(update.getSlice().toByteArray()));
                decodeNanos += System.nanoTime() - start;
            } catch (MalformedScreenUpdateException | RuntimeException e) {
                broken = true;
                log.warn("screen update {} does not decode: {}", update.getFrameNumber(), e.getMessage());
                viewer.undecodable(stream, e.getMessage());
            }
        }
        if (!update.getLastSlice() || broken) {
            return; // after a broken slice, undecodable() has already asked for a keyframe
        }
        ScreenImage image = decoder.image();
        if (image == null) {
            viewer.undecodable(stream, "no picture yet");
            return;
        }
        long decoded = System.nanoTime();
        if (pullSentNanos > 0) {
            stats.latency(LatencyEstimate.millis(pullSentNanos, slice.receivedNanos(), decoded,
                    holdMicros, captureToSendMicros));
        }
        FrameTiming timing = new FrameTiming(captureToSendMicros, firstSliceNanos, slice.receivedNanos(),
                decodeStartNanos, decoded, decodeNanos);
        stats.bytes(updateBytes);
        frameOut = true;
        int forStream = stream;
        AtomicBoolean once = new AtomicBoolean();
        ScreenCursor cursor = update.getCursor();
        boolean cursorVisible = cursor.getVisible()
                && cursor.getX() >= 0 && cursor.getX() < image.width()
                && cursor.getY() >= 0 && cursor.getY() < image.height();
        try {
            CursorShape shape = cursor.hasShape() ? ScreenMessages.fromWire(cursor.getShape()) : null;
            events.frame(new RemoteScreenFrame(image, changed, update.getKeyframe(), cursor.getX(), cursor.getY(),
                    cursorVisible, shape, () -> {
                        if (once.compareAndSet(false, true)) {
                            drawn(forStream);
                        }
                    }, timing));
        } catch (RuntimeException e) {
            // A failing view must not take the decode thread down with it; the stream waits for drawn().
            log.warn("the screen view failed to take a picture", e);
        }
    }

    /** Any thread: the viewer has copied the picture. */
    private void drawn(int forStream) {
        try {
            decodeThread.execute(() -> {
                frameOut = false;
                ScreenStats window = stats.drawn(System.nanoTime());
                if (window != null) {
                    events.stats(window);
                }
                drain();
            });
        } catch (RejectedExecutionException e) {
            return; // viewing has ended
        }
        viewer.drawn(forStream);
    }
}
