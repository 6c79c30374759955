package dev.lifeline.client.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.screen.ScreenImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayScreenSourceTest {
    @TempDir
    Path dir;

    @Test
    void playsFramesInNameOrderAtTheGivenRateAndLoops() throws Exception {
        List<ScreenImage> frames = SyntheticScreens.frames(3, 64, 48, 4);
        SyntheticScreens.writePngs(dir, frames);
        Files.writeString(dir.resolve("notes.txt"), "not a frame");
        AtomicLong now = new AtomicLong(1_000);
        ReplayScreenSource source = new ReplayScreenSource(
                List.of(load(dir, 1), load(dir, 2), load(dir, 3)), 10, now::get);

        assertEquals(1, source.monitors().size());
        assertEquals(64, source.monitors().get(0).width());
        int[] expected = {0, 0, 1, 2, 0, 1};
        long[] at = {0, 99_000_000L, 100_000_000L, 250_000_000L, 300_000_000L, 410_000_000L};
        for (int i = 0; i < at.length; i++) {
            now.set(1_000 + at[i]);
            ScreenImage shot = source.capture(0);
            assertTrue(SyntheticScreens.samePixels(frames.get(expected[i]).pixels(), shot.pixels()),
                    "at " + at[i] / 1_000_000 + " ms frame " + expected[i]);
        }
        assertEquals(CursorPosition.HIDDEN, source.cursor(0));
        assertThrows(IndexOutOfBoundsException.class, () -> source.capture(1));
    }

    @Test
    void opensAFolderAndSaysWhatIsWrongWithABadOne() throws Exception {
        SyntheticScreens.writePngs(dir.resolve("ok"), SyntheticScreens.frames(2, 32, 32, 0));
        try (ReplayScreenSource source = ReplayScreenSource.open(dir.resolve("ok"), 30)) {
            assertEquals(2, source.frameCount());
            assertEquals(32, source.capture(0).width());
        }
        Files.createDirectories(dir.resolve("empty"));
        CaptureUnavailableException empty = assertThrows(CaptureUnavailableException.class,
                () -> ReplayScreenSource.open(dir.resolve("empty"), 30));
        assertTrue(empty.getMessage().contains("no PNG"), empty.getMessage());
        assertThrows(CaptureUnavailableException.class, () -> ReplayScreenSource.open(dir.resolve("missing"), 30));
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/frame-0001.png"), "not a PNG");
        assertThrows(CaptureUnavailableException.class, () -> ReplayScreenSource.open(dir.resolve("broken"), 30));
    }

    @Test
    void preloadedReplayDecodesBeforeTheOpenAndReportsTheSameProblems() throws Exception {
        SyntheticScreens.writePngs(dir.resolve("ok"), SyntheticScreens.frames(2, 32, 32, 0));
        ScreenSources sources = ScreenSources.replayPreloaded(dir.resolve("ok"), 30);
        try (ScreenSource source = sources.open()) {
            assertEquals(32, source.capture(0).width());
        }
        ScreenSources missing = ScreenSources.replayPreloaded(dir.resolve("missing"), 30);
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, missing::open);
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFolderTooLongForMemoryIsReadFromDiskAFewFramesAheadInTheSameOrder() throws Exception {
        List<ScreenImage> frames = SyntheticScreens.frames(12, 64, 48, 4);
        SyntheticScreens.writePngs(dir, frames);
        // A budget smaller than the folder (12 x 64 x 48 x 4 bytes) makes the replay read from disk.
        ReplayFrames streamed = ReplayScreenSource.frames(dir, 12 * 64 * 48 * 4 - 1).get();
        ReadAheadFrames reader = assertInstanceOf(ReadAheadFrames.class, streamed);
        AtomicLong now = new AtomicLong(0);
        try (ReplayScreenSource source = new ReplayScreenSource(streamed, 10, now::get)) {
            assertEquals(64, source.monitors().get(0).width());
            assertEquals(12, source.frameCount());
            // In step, then a jump (the reader skips to the frame due), then past the end (loops).
            long[] ticks = {0, 0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 25, 26, 30};
            ScreenImage last = null;
            long lastTick = -1;
            for (long tick : ticks) {
                now.set(tick * 100_000_000L + 1);
                ScreenImage shot = source.capture(0);
                int expected = (int) (tick % 12);
                assertTrue(SyntheticScreens.samePixels(frames.get(expected).pixels(), shot.pixels()),
                        "tick " + tick + " shows frame " + expected);
                if (tick == lastTick) {
                    assertSame(last, shot, "the same picture while its frame is due");
                }
                last = shot;
                lastTick = tick;
            }
            assertTrue(reader.mostHeld() <= ReplayScreenSource.READ_AHEAD + 1,
                    "held " + reader.mostHeld() + " decoded frames at once");
        }
    }

    @Test
    void aBrokenFrameInAStreamedFolderStopsTheReplayWithItsName() throws Exception {
        SyntheticScreens.writePngs(dir, SyntheticScreens.frames(6, 64, 48, 0));
        Files.writeString(dir.resolve("frame-0003.png"), "not a PNG");
        AtomicLong now = new AtomicLong(0);
        try (ReplayScreenSource source = new ReplayScreenSource(ReplayScreenSource.frames(dir, 1).get(), 10, now::get)) {
            assertEquals(48, source.capture(0).height());
            now.set(200_000_001L);
            CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, () -> source.capture(0));
            assertTrue(e.getMessage().contains("frame-0003.png"), e.getMessage());
        }
    }

    private static ScreenImage load(Path dir, int n) throws Exception {
        return RobotScreenSource.toScreenImage(javax.imageio.ImageIO.read(dir.resolve(String.format("frame-%04d.png", n)).toFile()));
    }
}
