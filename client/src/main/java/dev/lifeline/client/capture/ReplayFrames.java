package dev.lifeline.client.capture;

import dev.lifeline.common.screen.ScreenImage;
import java.util.List;

/**
 * The pictures of a replay by frame number: tick {@code n} shows frame {@code n % count()}.
 * Either all decoded up front (short folders) or read from disk a few frames ahead
 * ({@link ReadAheadFrames}), so that a long folder does not need its size in memory.
 */
interface ReplayFrames extends AutoCloseable {
    int count();

    /** Size of the first frame (the monitor the replay reports). */
    int width();

    int height();

    /** The picture due at {@code tick}; ticks only grow. The same object while the tick's frame is shown. */
    ScreenImage frame(long tick) throws CaptureUnavailableException;

    @Override
    void close();

    /** Frames decoded once, held in memory: a capture costs nothing. */
    static ReplayFrames inMemory(List<ScreenImage> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        List<ScreenImage> held = List.copyOf(frames);
        return new ReplayFrames() {
            @Override
            public int count() {
                return held.size();
            }

            @Override
            public int width() {
                return held.get(0).width();
            }

            @Override
            public int height() {
                return held.get(0).height();
            }

            @Override
            public ScreenImage frame(long tick) {
                return held.get((int) (tick % held.size()));
            }

            @Override
            public void close() {
            }
        };
    }
}
