package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decoder restored from a saved state decodes what follows exactly as the decoder it was saved
 * from: real encoder output over a session that uses every piece of carried state (the tile cache
 * when a screen comes back, the neighbourhood memory for a shape seen before, photo areas, updates
 * in several slices). Bytes that are not a state are refused with a typed error.
 */
class DecoderStateTest {
    /** Each update's slices, in order. */
    private static final List<List<byte[]>> UPDATES = new ArrayList<>();
    /** The straight decoder's picture after each update, and its state then. */
    private static final List<int[]> STRAIGHT = new ArrayList<>();
    private static final List<DecoderState> STATES = new ArrayList<>();
    /** The update that brings the first screen back from the tile cache. */
    private static int backToA;

    @BeforeAll
    static void session() throws Exception {
        ScreenEncoder encoder = new ScreenEncoder(new CoarsePhotoCodec(), 64 * 1024);
        ScreenImage a = SyntheticScreens.desktop(800, 600, 4);
        ScreenImage typed = SyntheticScreens.copy(a);
        SyntheticScreens.window(typed, 130, 120, 60, 16, 0xFFFFFF, 99);
        ScreenImage other = SyntheticScreens.desktop(800, 600, 9);
        SyntheticScreens.window(other, 0, 0, 800, 600, 0x1E1E1E, 21);
        ScreenImage glyphAgain = SyntheticScreens.copy(a);
        SyntheticScreens.window(glyphAgain, 420, 380, 60, 16, 0xFFFFFF, 99);
        ScreenImage scrolled = SyntheticScreens.scrolled(glyphAgain, 80, 75, 400, 300, 16, 3);
        List<ScreenImage> frames = List.of(a, typed, other, SyntheticScreens.copy(a), glyphAgain, scrolled,
                SyntheticScreens.noise(800, 600, 5), SyntheticScreens.copy(scrolled));
        ScreenDecoder straight = new ScreenDecoder(new CoarsePhotoCodec());
        STATES.add(straight.saveState());
        STRAIGHT.add(null);
        for (int i = 0; i < frames.size(); i++) {
            EncodedUpdate update = encoder.encode(frames.get(i), i < 3 ? Quality.SHARP : Quality.AUTO);
            if (i == 3) {
                backToA = UPDATES.size();
                assertTrue(update.cachedTiles() > 50, "the first screen comes back from the cache: " + update.cachedTiles());
            }
            UPDATES.add(update.slices());
            for (byte[] slice : update.slices()) {
                straight.apply(slice);
            }
            STRAIGHT.add(straight.image().pixels().clone());
            STATES.add(straight.saveState());
        }
        assertTrue(UPDATES.stream().anyMatch(slices -> slices.size() > 1), "some updates come in several slices");
    }

    @Test
    void aRestoredDecoderDecodesTheFollowingUpdatesExactlyAsAStraightDecode() throws Exception {
        for (int k = 0; k < STATES.size(); k++) {
            // Every other state goes through its bytes, as a state kept elsewhere would.
            DecoderState state = k % 2 == 0 ? STATES.get(k) : DecoderState.fromBytes(STATES.get(k).toBytes());
            ScreenDecoder restored = new ScreenDecoder(new CoarsePhotoCodec());
            restored.restoreState(state);
            if (k == 0) {
                assertNull(restored.image(), "saved before the first keyframe: no picture yet");
            } else {
                assertArrayEquals(STRAIGHT.get(k), restored.image().pixels(), "the picture when saved, " + k);
                assertArrayEquals(STRAIGHT.get(k), state.picture().pixels());
            }
            for (int u = k; u < UPDATES.size(); u++) {
                for (byte[] slice : UPDATES.get(u)) {
                    restored.apply(slice);
                }
                assertArrayEquals(STRAIGHT.get(u + 1), restored.image().pixels(),
                        "update " + (u + 1) + " after a restore at " + k);
            }
        }
    }

    @Test
    void restoringReplacesWhatADecoderHeld() throws Exception {
        ScreenDecoder decoder = new ScreenDecoder(new CoarsePhotoCodec());
        for (List<byte[]> update : UPDATES) {
            for (byte[] slice : update) {
                decoder.apply(slice);
            }
        }
        decoder.restoreState(STATES.get(backToA));
        for (int u = backToA; u < UPDATES.size(); u++) {
            for (byte[] slice : UPDATES.get(u)) {
                decoder.apply(slice);
            }
            assertArrayEquals(STRAIGHT.get(u + 1), decoder.image().pixels(), "update " + (u + 1));
        }
    }

    @Test
    void thePictureAloneIsNotEnoughTheTablesCarryTheCache() {
        // The same point with the picture but empty tables: the screen that comes back names cache slots it lacks.
        DecoderState pictureOnly = DecoderState.save(new ScreenImage(800, 600, STRAIGHT.get(backToA)), new int[256],
                new NeighbourhoodMemory(), new TileCache(), new byte[2][]);
        ScreenDecoder decoder = new ScreenDecoder(new CoarsePhotoCodec());
        decoder.restoreState(pictureOnly);
        MalformedScreenUpdateException e = assertThrows(MalformedScreenUpdateException.class, () -> {
            for (byte[] slice : UPDATES.get(backToA)) {
                decoder.apply(slice);
            }
        });
        assertTrue(e.getMessage().contains("cache slot"), e.getMessage());
        assertTrue(STATES.get(backToA).tableBytes() > pictureOnly.tableBytes(),
                "the saved state holds the cache: " + STATES.get(backToA).tableBytes());
    }

    @Test
    void sizeIsThePictureAndTheTablesCompressed() {
        DecoderState state = STATES.get(backToA + 1);
        assertEquals(state.bytes(), state.pictureBytes() + state.tableBytes());
        long raw = 800 * 600 * 4L + 1024 * 64 * 64 * 4L;
        assertTrue(state.bytes() < raw / 4, "compressed: " + state.bytes());
        assertTrue(state.toBytes().length <= state.bytes(), "its bytes are what it holds");
    }

    @Test
    void bytesThatAreNotAStateAreRefused() {
        byte[] good = STATES.get(backToA + 1).toBytes();
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        byte[] otherVersion = good.clone();
        otherVersion[4] = 9;
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] flipped = good.clone();
        flipped[good.length - 40] ^= 0x10;
        byte[] flippedPicture = good.clone();
        // Header: magic, version, width, height, then the picture's length and bytes.
        int pictureLength = java.nio.ByteBuffer.wrap(good, 13, 4).getInt();
        flippedPicture[17 + pictureLength / 2] ^= 0x10;
        List<byte[]> bads = List.of(new byte[0], random, otherVersion, cut, trailing, flipped, flippedPicture);
        for (int i = 0; i < bads.size(); i++) {
            byte[] bad = bads.get(i);
            assertThrows(MalformedDecoderStateException.class, () -> DecoderState.fromBytes(bad), "bad state " + i);
        }
        MalformedDecoderStateException version = assertThrows(MalformedDecoderStateException.class,
                () -> DecoderState.fromBytes(otherVersion));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }
}
