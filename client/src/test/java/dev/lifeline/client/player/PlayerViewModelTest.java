package dev.lifeline.client.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.screen.ScreenImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player's controls without a toolkit: both executors run tasks when the test says so. */
class PlayerViewModelTest {
    @TempDir
    static Path dir;
    private static final RecordingKeyPair KEY = RecordingKeyPair.create();
    private static Path file;

    private final List<Runnable> ui = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    /** The snapshot filler's task: run only where a test says so (seeks then decode from the keyframe). */
    private final List<Runnable> filler = new ArrayList<>();
    private final PlayerViewModel vm = new PlayerViewModel(ui::add, background::add, filler::add);

    @BeforeAll
    static void recording() throws Exception {
        file = dir.resolve("session.llrec");
        SyntheticRecording.write(file, KEY.publicKey(), SyntheticScreens.frames(5, 160, 100, 10), 5, 60_000, 15_000);
    }

    private void runAll() {
        while (!ui.isEmpty() || !background.isEmpty()) {
            while (!background.isEmpty()) {
                background.remove(0).run();
            }
            while (!ui.isEmpty()) {
                ui.remove(0).run();
            }
        }
    }

    private RecordingPlayback opened() throws Exception {
        RecordingPlayback playback = RecordingPlayback.open(file, KEY.keyPair(), null, p -> { });
        vm.show(playback);
        runAll();
        return playback;
    }

    @Test
    void opensVerifiedWithTheTimelineAndTheFirstPicture() throws Exception {
        opened();
        assertTrue(vm.intactProperty().get(), vm.verificationProperty().get());
        assertEquals("Dana · ACME Support", vm.titleProperty().get());
        assertTrue(vm.durationProperty().get() > 59_000);
        assertEquals(1 + 3, vm.events().size(), "one consent change, three chat lines");
        assertEquals(0, vm.positionProperty().get());
        assertTrue(vm.screen().pixelsProperty().get() != null, "the first picture is shown");
        assertEquals(0, vm.shownEvents().size(), "the consent change comes at 5 ms");
    }

    @Test
    void playAdvancesBySpeedAndStopsAtTheEnd() throws Exception {
        opened();
        vm.setSpeed(4);
        vm.setSpeed(3);
        assertEquals(4, vm.speedProperty().get(), "only 1, 2, 4, 8");
        vm.play();
        vm.tick(1_000_000_000L);
        vm.tick(1_500_000_000L);
        runAll();
        assertEquals(2_000, vm.positionProperty().get(), "half a second at 4×");
        vm.pause();
        vm.tick(9_000_000_000L);
        assertEquals(2_000, vm.positionProperty().get());
        vm.setSpeed(8);
        vm.play();
        vm.tick(10_000_000_000L);
        vm.tick(20_000_000_000L);
        runAll();
        assertEquals(vm.durationProperty().get(), vm.positionProperty().get());
        assertFalse(vm.playingProperty().get(), "stops at the end");
    }

    @Test
    void seekShowsThePictureAStraightPlayShowsAndNextEventJumps() throws Exception {
        RecordingPlayback playback = opened();
        var straight = playback.straightPlay();
        // Dragging: many positions queued, only the newest is decoded.
        for (long at = 0; at < 40_000; at += 997) {
            vm.seek(at);
        }
        vm.seek(37_410);
        runAll();
        ScreenImage expected = null;
        for (var entry : straight) {
            if (entry.getKey() <= 37_410) {
                expected = entry.getValue();
            }
        }
        var shown = vm.screen().pixelsProperty().get();
        int[] shownRgb = new int[expected.width() * expected.height()];
        int[] expectedRgb = new int[shownRgb.length];
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                shownRgb[y * expected.width() + x] = shown.argb(x, y) & 0xFFFFFF;
                expectedRgb[y * expected.width() + x] = expected.rgb(x, y);
            }
        }
        assertArrayEquals(expectedRgb, shownRgb);
        assertEquals(3, vm.shownEvents().size(), "consent and the chat lines at 15 s and 30 s");
        vm.nextEvent();
        runAll();
        assertEquals(vm.events().get(3).atMs(), vm.positionProperty().get());
        assertTrue(vm.shownEvents().get(3).line().contains("technician: note 3"), vm.shownEvents().toString());
        vm.seek(1_000);
        runAll();
        assertEquals(1, vm.shownEvents().size(), "seeking back hides later events");
    }

    @Test
    void onceTheSnapshotsAreFilledASeekShowsTheExactPictureFromThem() throws Exception {
        RecordingPlayback playback = opened();
        assertEquals(1, filler.size(), "the filler starts when the recording is open");
        assertEquals(0, playback.snapshotCount());
        // What the filler's task does first (it then waits for the player to move).
        playback.fillSnapshots(() -> false);
        assertEquals(playback.pictureCount(), playback.snapshotCount());
        var straight = playback.straightPlay();
        for (long at : new long[] {44_444, 3_210, 59_000}) {
            vm.seek(at);
            runAll();
            ScreenImage expected = null;
            for (var entry : straight) {
                if (entry.getKey() <= at) {
                    expected = entry.getValue();
                }
            }
            var shown = vm.screen().pixelsProperty().get();
            for (int y = 0; y < expected.height(); y += 7) {
                for (int x = 0; x < expected.width(); x += 3) {
                    assertEquals(expected.rgb(x, y), shown.argb(x, y) & 0xFFFFFF, "at " + at + " pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aKeyFilePinningTheRecordingsRelayOpensItAndOnePinningAnotherRefusesIt() throws Exception {
        byte[] relayKey;
        try (var reader = dev.lifeline.common.recording.RecordingReader.open(file)) {
            relayKey = reader.header().getRelaySigningKey().toByteArray();
        }
        Path pinsThisRelay = dir.resolve("this-relay.key");
        KEY.saveKeyFile(pinsThisRelay, "passphrase".toCharArray(), relayKey);
        vm.open(file, pinsThisRelay, "passphrase".toCharArray());
        runAll();
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.intactProperty().get(), vm.verificationProperty().get());

        byte[] otherRelay = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(new java.security.SecureRandom())
                .generatePublicKey().getEncoded();
        Path pinsAnother = dir.resolve("other-relay.key");
        KEY.saveKeyFile(pinsAnother, "passphrase".toCharArray(), otherRelay);
        vm.open(file, pinsAnother, "passphrase".toCharArray());
        runAll();
        assertTrue(vm.errorProperty().get().contains("not made by your organisation's relay"), vm.errorProperty().get());
        assertEquals(null, vm.playbackProperty().get(), "nothing of it is played");
    }

    @Test
    void aWrongPassphraseIsReportedNotThrown() throws Exception {
        Path keyFile = dir.resolve("lead.key");
        KEY.saveKeyFile(keyFile, "the right passphrase".toCharArray());
        vm.open(file, keyFile, "wrong".toCharArray());
        assertTrue(vm.loadingProperty().get());
        runAll();
        assertFalse(vm.loadingProperty().get());
        assertTrue(vm.errorProperty().get().contains("key file"), vm.errorProperty().get());
    }
}
