package dev.lifeline.client.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.screen.ScreenImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeks through the picture snapshots and restart points: whatever the snapshots hold (nothing,
 * keyframes only, restart points, some frames within a small budget, every frame) a seek shows the
 * picture a straight play shows at that time; a frame not kept is decoded from the nearest restart
 * point before it; a superseded seek stops between updates and the next one goes on from there.
 */
class RecordingSeekTest {
    @TempDir
    static Path dir;
    private static final RecordingKeyPair KEY = RecordingKeyPair.create();
    private static Path file;
    private static List<Map.Entry<Long, ScreenImage>> straight;
    /** What keeping every picture takes, and of that what the restart points take. */
    private static long allBytes;
    private static long restartBytes;

    @BeforeAll
    static void recording() throws Exception {
        file = dir.resolve("session.llrec");
        // 5 updates a second for 35 s: a keyframe every 10 s with 49 updates after it.
        SyntheticRecording.write(file, KEY.publicKey(), SyntheticScreens.frames(7, 200, 120, 12), 5, 35_000, 10_000);
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            straight = playback.straightPlay();
            playback.fillSnapshots(() -> false);
            allBytes = playback.snapshotBytes();
            restartBytes = playback.restartPointBytes();
            assertEquals(playback.restartPointsPlanned(), playback.restartPointCount());
        }
        assertTrue(straight.size() > 150, "pictures in the recording: " + straight.size());
    }

    private static RecordingPlayback open(long budget) throws Exception {
        return RecordingPlayback.open(file, KEY.keyPair(), null, p -> { }, budget);
    }

    /** Every picture time (the later picture when two share a millisecond), in a shuffled order. */
    private static void assertEverySeekMatchesStraightPlay(RecordingPlayback playback) throws Exception {
        RecordingPlayback.Cursor cursor = playback.cursor();
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, straight.size()).boxed().toList());
        java.util.Collections.shuffle(order, new Random(3));
        for (int i : order) {
            long at = straight.get(i).getKey();
            if (i + 1 < straight.size() && straight.get(i + 1).getKey() == at) {
                continue;
            }
            RecordingPlayback.Picture picture = cursor.moveTo(at, () -> false);
            assertNotNull(picture, "a picture at " + at);
            assertEquals(at, picture.atMs());
            assertArrayEquals(straight.get(i).getValue().pixels(), picture.image().pixels(), "seek to " + at);
            assertArrayEquals(straight.get(i).getValue().pixels(), playback.pictureAt(at + 1).pixels(), "fresh seek to " + at);
        }
    }

    @Test
    void withoutSnapshotsEverySeekDecodesTheExactPicture() throws Exception {
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            assertEquals(0, playback.snapshotCount());
            assertEverySeekMatchesStraightPlay(playback);
            assertNull(playback.pictureAt(straight.get(0).getKey() - 1), "nothing before the first picture");
        }
    }

    @Test
    void withEveryFrameKeptSeeksComeFromTheSnapshotsAndMatch() throws Exception {
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            playback.fillSnapshots(() -> false);
            assertEquals(playback.pictureCount(), playback.snapshotCount(), "every picture is kept");
            assertTrue(playback.snapshotBytes() < (long) playback.pictureCount() * 200 * 120 * 3,
                    "kept compressed: " + playback.snapshotBytes());
            assertEverySeekMatchesStraightPlay(playback);
        }
    }

    @Test
    void aSmallBudgetKeepsWhatFitsAndSeeksStillMatch() throws Exception {
        long budget = allBytes / 3;
        try (RecordingPlayback playback = open(budget)) {
            playback.fillSnapshots(() -> false);
            assertTrue(playback.snapshotCount() > playback.keyframes(), "keyframes and then some");
            assertTrue(playback.snapshotCount() < playback.pictureCount(), "not all: " + playback.snapshotCount());
            assertTrue(playback.snapshotBytes() <= budget);
            assertEverySeekMatchesStraightPlay(playback);
        }
    }

    @Test
    void aSeekToAFrameNotKeptDecodesFromTheNearestRestartPointAndShowsTheStraightPlaysFrame() throws Exception {
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            int planned = playback.restartPointsPlanned();
            playback.fillSnapshots(() -> playback.restartPointCount() >= planned);
            assertEquals(planned, playback.restartPointCount(), "the restart pass keeps every restart point");
            assertEquals(planned, playback.snapshotCount(), "and no other picture yet");
            assertTrue(planned > 3 * playback.keyframes(), "several restart points a keyframe: " + planned);
            int fromRestartPoint = 0;
            for (int i = 0; i < straight.size(); i++) {
                long at = straight.get(i).getKey();
                if (i + 1 < straight.size() && straight.get(i + 1).getKey() == at) {
                    continue;
                }
                RecordingPlayback.Cursor cursor = playback.cursor();
                RecordingPlayback.Picture picture = cursor.moveTo(at, () -> false);
                assertArrayEquals(straight.get(i).getValue().pixels(), picture.image().pixels(), "seek to " + at);
                if (!playback.keeps(at)) {
                    int from = cursor.restartedFrom();
                    assertTrue(from >= 0 && picture.frame() - from > 0 && picture.frame() - from < RecordingPlayback.RESTART_EVERY,
                            "frame " + picture.frame() + " decoded from restart point " + from);
                    fromRestartPoint++;
                }
            }
            assertTrue(fromRestartPoint > straight.size() / 2, "seeks served from a restart point: " + fromRestartPoint);
            assertEverySeekMatchesStraightPlay(playback);
        }
    }

    @Test
    void withFewRestartPointsInTheBudgetThoseNearThePlayerAreKept() throws Exception {
        long budget = restartBytes / 2;
        try (RecordingPlayback playback = open(budget)) {
            playback.cursor().moveTo(33_000, () -> false);
            playback.fillSnapshots(() -> false);
            assertTrue(playback.snapshotBytes() <= budget);
            assertTrue(servedNear(playback, 30_000, 35_000), "the player's ten seconds have their restart points");
            assertTrue(!servedNear(playback, 0, 10_000), "the farthest do not");
            assertEverySeekMatchesStraightPlay(playback);
        }
    }

    /**
     * Whether every picture from {@code from} up to {@code to} is kept or decoded from a restart
     * point less than {@value RecordingPlayback#RESTART_EVERY} pictures before it (fresh cursors).
     */
    private static boolean servedNear(RecordingPlayback playback, long from, long to) throws Exception {
        for (var entry : straight) {
            long at = entry.getKey();
            if (at >= from && at < to && !playback.keeps(at)) {
                RecordingPlayback.Cursor cursor = playback.cursor();
                int frame = cursor.moveTo(at, () -> false).frame();
                if (cursor.restartedFrom() < 0 || frame - cursor.restartedFrom() >= RecordingPlayback.RESTART_EVERY) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void whenTheBudgetIsSpentFramesNearThePlayerReplaceFarOnes() throws Exception {
        // Every restart point (they come before pictures) and half of the other pictures.
        long budget = restartBytes + (allBytes - restartBytes) / 2;
        try (RecordingPlayback playback = open(budget)) {
            RecordingPlayback.Cursor cursor = playback.cursor();
            cursor.moveTo(33_000, () -> false);
            playback.fillSnapshots(() -> false);
            assertTrue(kept(playback, 30_000, 35_000), "the player's ten seconds");
            assertTrue(!kept(playback, 0, 10_000), "the farthest are not");
            cursor.moveTo(2_000, () -> false);
            playback.fillSnapshots(() -> false);
            assertTrue(kept(playback, 0, 10_000), "the player moved: its ten seconds are kept now");
            assertTrue(!kept(playback, 30_000, 35_000), "and made room");
            assertTrue(playback.snapshotBytes() <= budget);
            assertEverySeekMatchesStraightPlay(playback);
        }
    }

    /** Whether every picture from {@code from} up to {@code to} comes at once from the snapshots. */
    private static boolean kept(RecordingPlayback playback, long from, long to) throws Exception {
        for (var entry : straight) {
            long at = entry.getKey();
            if (at >= from && at < to && !playback.keeps(at)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void withKeyframesKeptTheStandInIsTheKeyframePictureOfTheTarget() throws Exception {
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            int gops = playback.keyframes();
            assertTrue(gops >= 4, "keyframes: " + gops);
            playback.fillSnapshots(() -> playback.snapshotCount() >= gops);
            assertEquals(gops, playback.snapshotCount(), "the first pass keeps one picture per keyframe");
            long target = 23_456;
            RecordingPlayback.Picture standIn = playback.cursor().nearest(target, -1);
            assertNotNull(standIn);
            assertTrue(standIn.atMs() <= target && standIn.atMs() >= 20_000, "the keyframe of 20-30 s: " + standIn.atMs());
            assertArrayEquals(pictureAt(standIn.atMs()), standIn.image().pixels(), "the straight play's picture there");
            assertNull(playback.cursor().nearest(target, standIn.frame()), "already on screen: nothing to do");
            RecordingPlayback.Picture exact = playback.cursor().moveTo(target, () -> false);
            assertArrayEquals(pictureAt(target), exact.image().pixels());
            assertNull(playback.cursor().nearest(standIn.atMs(), -1), "the keyframe's own picture is exact");
        }
    }

    @Test
    void aSupersededSeekStopsBetweenUpdatesAndTheNextGoesOnFromThere() throws Exception {
        try (RecordingPlayback playback = open(Long.MAX_VALUE)) {
            RecordingPlayback.Cursor cursor = playback.cursor();
            AtomicInteger asked = new AtomicInteger();
            assertNull(cursor.moveTo(29_000, () -> asked.incrementAndGet() > 5), "a newer target came");
            assertTrue(asked.get() > 5);
            RecordingPlayback.Picture picture = cursor.moveTo(29_500, () -> false);
            assertArrayEquals(pictureAt(29_500), picture.image().pixels());
            assertEquals(picture, cursor.moveTo(29_501, () -> false), "the same frame again costs nothing");
            assertArrayEquals(pictureAt(3_000), cursor.moveTo(3_000, () -> false).image().pixels(), "and back");
        }
    }

    private static int[] pictureAt(long at) {
        ScreenImage expected = null;
        for (var entry : straight) {
            if (entry.getKey() <= at) {
                expected = entry.getValue();
            }
        }
        return expected.pixels();
    }
}
