package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenCodecTest {
    private final ScreenEncoder encoder = new ScreenEncoder(PhotoCodec.NONE);
    private final ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);

    private EncodedUpdate send(ScreenImage frame) throws MalformedScreenUpdateException {
        EncodedUpdate update = encoder.encode(frame, Quality.SHARP);
        for (byte[] slice : update.slices()) {
            decoder.apply(slice);
        }
        return update;
    }

    private void assertViewerSees(ScreenImage frame) {
        assertArrayEquals(frame.pixels(), decoder.image().pixels(), "viewer's picture differs from the screen");
    }

    @Test
    void everyKindOfChangeArrivesPixelExact() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(1000, 700, 1);
        EncodedUpdate first = send(screen);
        assertTrue(first.keyframe());
        assertViewerSees(screen);

        ScreenImage typed = SyntheticScreens.copy(screen);
        SyntheticScreens.window(typed, 130, 120, 40, 16, 0xFFFFFF, 99);
        EncodedUpdate typing = send(typed);
        assertFalse(typing.keyframe());
        assertTrue(typing.totalBytes() < 2000, "a few typed characters cost " + typing.totalBytes() + " bytes");
        assertViewerSees(typed);

        ScreenImage scrolled = SyntheticScreens.scrolled(typed, 100, 87, 500, 350, 16, 3);
        send(scrolled);
        assertViewerSees(scrolled);

        ScreenImage moved = SyntheticScreens.copy(scrolled);
        SyntheticScreens.window(moved, 40, 300, 420, 300, 0x1E1E1E, 7);
        send(moved);
        assertViewerSees(moved);

        ScreenImage noise = SyntheticScreens.noise(1000, 700, 5);
        send(noise);
        assertViewerSees(noise);
    }

    @Test
    void aShapeSentBeforeCostsFarLessTheNextTime() throws Exception {
        ScreenImage blank = new ScreenImage(640, 480, new int[640 * 480]);
        java.util.Arrays.fill(blank.pixels(), 0xFFFFFF);
        send(blank);
        // A shape (an icon, anti-aliased text) in 16 shades that no neighbour predicts the first time.
        java.util.Random random = new java.util.Random(4);
        int[] glyph = new int[40 * 30];
        for (int i = 0; i < glyph.length; i++) {
            glyph[i] = random.nextInt(16) * 0x101010;
        }
        ScreenImage once = SyntheticScreens.copy(blank);
        paint(once, glyph, 40, 30, 70, 10);
        EncodedUpdate first = send(once);
        assertViewerSees(once);

        // The same shape in another tile, in a later update: the memory of its neighbourhoods predicts it.
        ScreenImage twice = SyntheticScreens.copy(once);
        paint(twice, glyph, 40, 30, 330, 200);
        EncodedUpdate second = send(twice);
        assertViewerSees(twice);
        assertTrue(second.totalBytes() * 2 < first.totalBytes(),
                "second copy " + second.totalBytes() + " bytes, first " + first.totalBytes());
    }

    private static void paint(ScreenImage image, int[] shape, int w, int h, int x0, int y0) {
        for (int y = 0; y < h; y++) {
            System.arraycopy(shape, y * w, image.pixels(), (y0 + y) * image.width() + x0, w);
        }
    }

    @Test
    void unchangedScreenSendsNothing() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(640, 480, 2);
        send(screen);
        assertTrue(encoder.encode(SyntheticScreens.copy(screen), Quality.SHARP).isEmpty());
    }

    @Test
    void scrolledContentIsSentAsCopiesNotPixels() throws Exception {
        ScreenImage page = SyntheticScreens.desktop(1280, 800, 3);
        SyntheticScreens.window(page, 0, 0, 1280, 800, 0xFFFFFF, 11);
        send(page);
        ScreenImage scrolled = SyntheticScreens.scrolled(page, 0, 0, 1280, 800, 48, 4);
        EncodedUpdate update = send(scrolled);
        assertViewerSees(scrolled);
        assertTrue(update.copiedTiles() > 100, "scroll found as copies: " + update.copiedTiles());
        // 48 new rows of 1280 pixels, not the whole page again.
        assertTrue(update.totalBytes() < 40_000, "scroll update is " + update.totalBytes() + " bytes");
    }

    @Test
    void aScrollAfterSmallEditsIsStillFoundAsCopies() throws Exception {
        // The scroll detector re-hashes only the changed rows of each edited tile: the rows it
        // keeps must still be right, or the scroll after the edits would not be found.
        ScreenImage page = SyntheticScreens.desktop(1280, 800, 12);
        SyntheticScreens.window(page, 0, 0, 1280, 800, 0xFFFFFF, 13);
        send(page);
        ScreenImage edited = SyntheticScreens.copy(page);
        for (int x = 10; x < 1270; x += 70) {
            SyntheticScreens.window(edited, x, 200 + x % 300, 30, 9, 0x202020, x);
        }
        send(edited);
        assertViewerSees(edited);
        ScreenImage scrolled = SyntheticScreens.scrolled(edited, 0, 0, 1280, 800, 48, 14);
        EncodedUpdate update = send(scrolled);
        assertViewerSees(scrolled);
        assertTrue(update.copiedTiles() > 100, "scroll found as copies: " + update.copiedTiles());
    }

    @Test
    void contentSeenBeforeComesFromTheCache() throws Exception {
        ScreenImage a = SyntheticScreens.desktop(800, 600, 4);
        ScreenImage b = SyntheticScreens.noise(800, 600, 6);
        send(a);
        EncodedUpdate toB = send(b);
        EncodedUpdate backToA = send(SyntheticScreens.copy(a));
        assertViewerSees(a);
        assertTrue(backToA.cachedTiles() > 50, "tiles of the first screen reused: " + backToA.cachedTiles());
        assertTrue(backToA.totalBytes() < toB.totalBytes() / 20, "switching back costs " + backToA.totalBytes());
    }

    @Test
    void collidingHashesNeverShowWrongPixels() throws Exception {
        // Tiles that differ in one pixel: only an exact comparison can tell them apart.
        ScreenImage a = SyntheticScreens.desktop(512, 256, 8);
        send(a);
        ScreenImage b = SyntheticScreens.copy(a);
        b.pixels()[100 * 512 + 100] ^= 1;
        send(b);
        assertViewerSees(b);
        send(SyntheticScreens.copy(a));
        assertViewerSees(a);
    }

    @Test
    void bigUpdatesAreSlicedUnderTheLimitAndStillExact() throws Exception {
        ScreenEncoder small = new ScreenEncoder(PhotoCodec.NONE, 64 * 1024);
        ScreenImage noise = SyntheticScreens.noise(1024, 768, 9);
        EncodedUpdate update = small.encode(noise, Quality.SHARP);
        assertTrue(update.slices().size() > 10, "slices: " + update.slices().size());
        ScreenDecoder viewer = new ScreenDecoder(PhotoCodec.NONE);
        for (byte[] slice : update.slices()) {
            assertTrue(slice.length <= 64 * 1024);
            viewer.apply(slice);
        }
        assertArrayEquals(noise.pixels(), viewer.image().pixels());
    }

    @Test
    void sizeChangeAndKeyframeRequestRepaintEverything() throws Exception {
        send(SyntheticScreens.desktop(640, 480, 10));
        ScreenImage bigger = SyntheticScreens.desktop(800, 600, 11);
        assertTrue(send(bigger).keyframe());
        assertViewerSees(bigger);
        encoder.requestKeyframe();
        EncodedUpdate again = encoder.encode(SyntheticScreens.copy(bigger), Quality.SHARP);
        assertTrue(again.keyframe());
        ScreenDecoder fresh = new ScreenDecoder(PhotoCodec.NONE);
        for (byte[] slice : again.slices()) {
            fresh.apply(slice);
        }
        assertArrayEquals(bigger.pixels(), fresh.image().pixels(), "a new viewer starts from a keyframe");
    }

    @Test
    void oddSizesWithPartialEdgeTiles() throws Exception {
        for (int[] size : new int[][] {{1, 1}, {65, 3}, {130, 129}, {77, 200}}) {
            ScreenEncoder enc = new ScreenEncoder(PhotoCodec.NONE);
            ScreenDecoder dec = new ScreenDecoder(PhotoCodec.NONE);
            List<ScreenImage> frames = new ArrayList<>();
            frames.add(SyntheticScreens.noise(size[0], size[1], 1));
            frames.add(SyntheticScreens.desktop(size[0], size[1], 2));
            frames.add(SyntheticScreens.noise(size[0], size[1], 3));
            for (ScreenImage f : frames) {
                for (byte[] slice : enc.encode(f, Quality.SHARP).slices()) {
                    dec.apply(slice);
                }
                assertArrayEquals(f.pixels(), dec.image().pixels(), size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void autoWithoutPhotoCodecStaysLossless() throws Exception {
        ScreenImage photo = SyntheticScreens.desktop(400, 300, 12);
        EncodedUpdate update = encoder.encode(photo, Quality.AUTO);
        ScreenDecoder viewer = new ScreenDecoder(PhotoCodec.NONE);
        for (byte[] slice : update.slices()) {
            viewer.apply(slice);
        }
        assertArrayEquals(photo.pixels(), viewer.image().pixels());
        assertNotEquals(0, update.totalBytes());
        assertEquals(update.changed(), new ScreenRect(0, 0, 400, 300));
    }
}
