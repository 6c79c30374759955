package dev.lifeline.common.screen;

import java.util.Random;

/**
 * Desktop-like frames made in code, so codec tests run anywhere (the shared corpus of real screens
 * is used by the client's corpus test and the benchmark when present): a photo-like wallpaper with
 * noise, windows with anti-aliased "text", and the usual changes between frames.
 */
final class SyntheticScreens {
    private SyntheticScreens() {
    }

    static ScreenImage desktop(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(9)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(9)) & 0xFF;
                int b = ((x + y) * 127 / (width + height) + 60 + random.nextInt(9)) & 0xFF;
                px[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        ScreenImage image = new ScreenImage(width, height, px);
        window(image, width / 10, height / 8, width / 2, height / 2, 0xFFFFFF, seed + 1);
        window(image, width / 2, height / 3, width / 3, height / 2, 0x1E1E1E, seed + 2);
        return image;
    }

    /** A flat window with lines of glyph-like marks in a few grey levels (anti-aliasing). */
    static void window(ScreenImage image, int x0, int y0, int w, int h, int background, long seed) {
        Random random = new Random(seed);
        int ink = background == 0xFFFFFF ? 0x202020 : 0xE0E0E0;
        int[] levels = {background, blend(background, ink, 1, 3), blend(background, ink, 2, 3), ink};
        for (int y = y0; y < y0 + h && y < image.height(); y++) {
            for (int x = x0; x < x0 + w && x < image.width(); x++) {
                image.pixels()[y * image.width() + x] = background;
            }
        }
        for (int line = y0 + 8; line + 12 < y0 + h && line + 12 < image.height(); line += 16) {
            for (int x = x0 + 6; x + 7 < x0 + w && x + 7 < image.width(); x += 7) {
                if (random.nextInt(6) == 0) {
                    continue;
                }
                long glyph = random.nextLong();
                for (int gy = 0; gy < 11; gy++) {
                    for (int gx = 0; gx < 6; gx++) {
                        int level = (int) ((glyph >>> ((gy * 6 + gx) % 62)) & 3);
                        image.pixels()[(line + gy) * image.width() + x + gx] = levels[level];
                    }
                }
            }
        }
    }

    private static int blend(int a, int b, int num, int den) {
        int r = ((a >>> 16 & 0xFF) * (den - num) + (b >>> 16 & 0xFF) * num) / den;
        int g = ((a >>> 8 & 0xFF) * (den - num) + (b >>> 8 & 0xFF) * num) / den;
        int bl = ((a & 0xFF) * (den - num) + (b & 0xFF) * num) / den;
        return r << 16 | g << 8 | bl;
    }

    static ScreenImage copy(ScreenImage image) {
        return new ScreenImage(image.width(), image.height(), image.pixels().clone());
    }

    /** Moves the content of a region up by {@code dy} rows and paints new rows at its bottom. */
    static ScreenImage scrolled(ScreenImage image, int x0, int y0, int w, int h, int dy, long seed) {
        ScreenImage next = copy(image);
        int[] px = next.pixels();
        int width = image.width();
        for (int y = y0; y < y0 + h - dy; y++) {
            System.arraycopy(image.pixels(), (y + dy) * width + x0, px, y * width + x0, w);
        }
        Random random = new Random(seed);
        for (int y = y0 + h - dy; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                px[y * width + x] = random.nextInt(3) == 0 ? 0x202020 : 0xFFFFFF;
            }
        }
        return next;
    }

    static ScreenImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] px = new int[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt() & 0xFFFFFF;
        }
        return new ScreenImage(width, height, px);
    }
}
