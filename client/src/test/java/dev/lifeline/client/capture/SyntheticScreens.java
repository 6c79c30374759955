package dev.lifeline.client.capture;

import dev.lifeline.common.screen.ScreenImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Screens made up for tests: coloured blocks that move from frame to frame, a strip of noise that
 * defeats compression, and each frame's number painted into its first row, so a received picture
 * tells which frame it was.
 */
public final class SyntheticScreens {
    private SyntheticScreens() {
    }

    public static List<ScreenImage> frames(int count, int width, int height, int noiseRows) {
        Random random = new Random(42);
        List<ScreenImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] px = new int[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    px[y * width + x] = ((x / 40 + y / 40 + i) % 3 == 0) ? 0x2060C0 : 0xF0F0F0;
                }
            }
            int bx = (i * 37) % Math.max(1, width - 60);
            for (int y = 20; y < Math.min(height, 80); y++) {
                for (int x = bx; x < bx + 60 && x < width; x++) {
                    px[y * width + x] = 0xE03020;
                }
            }
            for (int y = height - noiseRows; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    px[y * width + x] = random.nextInt() & 0xFFFFFF;
                }
            }
            for (int x = 0; x < Math.min(width, 32); x++) {
                px[x] = (i >> x & 1) != 0 ? 0xFFFFFF : 0x000000;
            }
            frames.add(new ScreenImage(width, height, px));
        }
        return frames;
    }

    /** Writes the frames as frame-0001.png … into {@code dir} and returns it. */
    public static Path writePngs(Path dir, List<ScreenImage> frames) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < frames.size(); i++) {
            ScreenImage f = frames.get(i);
            BufferedImage png = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
            png.setRGB(0, 0, f.width(), f.height(), f.pixels(), 0, f.width());
            ImageIO.write(png, "png", dir.resolve(String.format("frame-%04d.png", i + 1)).toFile());
        }
        return dir;
    }

    /** Index of the frame whose pixels equal {@code pixels} exactly (ignoring the top byte), or -1. */
    public static int indexOf(List<ScreenImage> frames, int width, int height, int[] pixels) {
        for (int i = 0; i < frames.size(); i++) {
            ScreenImage f = frames.get(i);
            if (f.width() == width && f.height() == height && samePixels(f.pixels(), pixels)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean samePixels(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (((a[i] ^ b[i]) & 0xFFFFFF) != 0) {
                return false;
            }
        }
        return true;
    }
}
