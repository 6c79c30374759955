package dev.lifeline.client.capture;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Opens a {@link ScreenSource} when the customer has agreed to share, not before: nothing touches
 * the screen until then.
 */
@FunctionalInterface
public interface ScreenSources {
    ScreenSource open() throws CaptureUnavailableException;

    /** The real screen through AWT Robot. */
    static ScreenSources robot() {
        return RobotScreenSource::open;
    }

    /** PNG frames from a folder, played in a loop at {@code fps} (tests, benchmarks, demos). */
    static ScreenSources replay(Path folder, double fps) {
        return () -> ReplayScreenSource.open(folder, fps);
    }

    /**
     * Like {@link #replay}, but the PNG files (not the screen: they are files named on the command
     * line) are decoded in the background from now on, so the first picture does not wait seconds
     * for a folder of 1080p frames after the customer says yes. A folder too long to hold in memory
     * is read from disk while playing, by a reader of its own for each source.
     */
    static ScreenSources replayPreloaded(Path folder, double fps) {
        CompletableFuture<Supplier<ReplayFrames>> frames =
                CompletableFuture.supplyAsync(() -> {
                    try {
                        return ReplayScreenSource.frames(folder, ReplayScreenSource.IN_MEMORY_BYTES);
                    } catch (CaptureUnavailableException e) {
                        throw new CompletionException(e);
                    }
                }, runnable -> {
                    Thread loader = new Thread(runnable, "lifeline-replay-loader");
                    loader.setDaemon(true);
                    loader.start();
                });
        return () -> {
            try {
                return new ReplayScreenSource(frames.join().get(), fps, System::nanoTime);
            } catch (CompletionException e) {
                if (e.getCause() instanceof CaptureUnavailableException unavailable) {
                    throw unavailable;
                }
                throw new CaptureUnavailableException("replay frames cannot be loaded: " + e.getCause(), e.getCause());
            }
        };
    }
}
