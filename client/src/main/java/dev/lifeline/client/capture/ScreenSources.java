package dev.lifeline.client.capture;

import java.nio.file.Path;

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
}
