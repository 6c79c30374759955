package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LossyModesTest {
    private final CoarsePhotoCodec photos = new CoarsePhotoCodec();
    private final ScreenEncoder encoder = new ScreenEncoder(photos);
    private final ScreenDecoder decoder = new ScreenDecoder(photos);

    private EncodedUpdate send(ScreenImage frame, Quality quality) throws MalformedScreenUpdateException {
        EncodedUpdate update = encoder.encode(frame, quality);
        for (byte[] slice : update.slices()) {
            decoder.apply(slice);
        }
        return update;
    }

    /** Pixels of the region that differ between the screen and the viewer's picture. */
    private int differing(ScreenImage screen, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (screen.rgb(x, y) != decoder.image().rgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void autoSendsPhotosLossyButTextExact() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(1024, 768, 1);
        send(screen, Quality.AUTO);
        assertTrue(photos.encoded > 0, "the wallpaper went through the photo codec");
        assertTrue(differing(screen, 0, 0, 64, 64) > 0, "wallpaper corner is approximate");
        // The white window's inner tiles hold only text colours: always exact.
        assertEquals(0, differing(screen, 192, 128, 256, 192), "text window exact in Auto");
    }

    @Test
    void autoSharpensPhotosOnceTheyStopChanging() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(640, 480, 2);
        send(screen, Quality.AUTO);
        assertFalse(Arrays.equals(screen.pixels(), decoder.image().pixels()));
        for (int i = 0; i < 40 && !Arrays.equals(screen.pixels(), decoder.image().pixels()); i++) {
            send(SyntheticScreens.copy(screen), Quality.AUTO);
        }
        assertArrayEquals(screen.pixels(), decoder.image().pixels(), "refined to lossless while idle");
        assertTrue(encoder.encode(SyntheticScreens.copy(screen), Quality.AUTO).isEmpty(), "then nothing more");
    }

    @Test
    void switchingToSharpRefinesAtOnce() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(512, 320, 3);
        send(screen, Quality.FAST);
        for (int i = 0; i < 3; i++) {
            send(SyntheticScreens.copy(screen), Quality.FAST);
        }
        assertFalse(Arrays.equals(screen.pixels(), decoder.image().pixels()), "Fast never refines");
        for (int i = 0; i < 5; i++) {
            send(SyntheticScreens.copy(screen), Quality.SHARP);
        }
        assertArrayEquals(screen.pixels(), decoder.image().pixels());
    }

    @Test
    void sharpNeverUsesThePhotoCodec() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(512, 320, 4);
        send(screen, Quality.SHARP);
        assertEquals(0, photos.encoded);
        assertArrayEquals(screen.pixels(), decoder.image().pixels());
    }

    @Test
    void fastUnderCongestionReducesColoursAndStaysClose() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(512, 320, 5);
        EncodedUpdate congested = encoder.encode(screen, Quality.FAST, true);
        for (byte[] slice : congested.slices()) {
            decoder.apply(slice);
        }
        for (int i = 0; i < screen.pixels().length; i++) {
            int a = screen.pixels()[i];
            int b = decoder.image().pixels()[i];
            for (int shift = 0; shift <= 16; shift += 8) {
                assertTrue(Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)) < 16, "pixel " + i);
            }
        }
    }

    @Test
    void copiesOfLossyContentAreSharpenedLater() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(640, 640, 6);
        send(screen, Quality.AUTO);
        ScreenImage scrolled = SyntheticScreens.scrolled(screen, 0, 0, 640, 640, 64, 7);
        send(scrolled, Quality.AUTO);
        for (int i = 0; i < 40 && !Arrays.equals(scrolled.pixels(), decoder.image().pixels()); i++) {
            send(SyntheticScreens.copy(scrolled), Quality.AUTO);
        }
        assertArrayEquals(scrolled.pixels(), decoder.image().pixels());
    }

    @Test
    void autoSendsAStillPhotoLosslessAndAMovingOneAsJpeg() throws Exception {
        ScreenImage blank = new ScreenImage(512, 512, new int[512 * 512]);
        send(blank, Quality.AUTO);
        send(SyntheticScreens.copy(blank), Quality.AUTO);
        // A picture opens where the screen was still: exact at once, no JPEG-then-sharpen.
        ScreenImage photo = SyntheticScreens.noise(512, 512, 8);
        int before = photos.encoded;
        send(photo, Quality.AUTO);
        assertEquals(before, photos.encoded, "a still area that changes once is not a video");
        assertArrayEquals(photo.pixels(), decoder.image().pixels());
        // It keeps changing, frame after frame: now it is motion and goes through the photo codec.
        send(SyntheticScreens.noise(512, 512, 9), Quality.AUTO);
        assertTrue(photos.encoded > before, "moving photo areas go lossy in Auto");
    }
}
