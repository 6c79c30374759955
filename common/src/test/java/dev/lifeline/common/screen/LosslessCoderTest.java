package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LosslessCoderTest {
    private static final int STRIDE = 100;

    /** Photo-like noise, a smooth gradient and flat runs, so that every branch of the median is taken. */
    private static int[] picture(long seed) {
        Random random = new Random(seed);
        int[] px = new int[STRIDE * 80];
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < STRIDE; x++) {
                int p;
                if (x < 30) {
                    p = random.nextInt(1 << 24);
                } else if (x < 70) {
                    p = ((x * 3 + y) & 0xFF) << 16 | (y * 2) << 8 | (x + y * 5) & 0xFF;
                } else {
                    p = y % 7 == 0 ? 0x336699 : 0xF0F0F0;
                }
                px[y * STRIDE + x] = p & 0xFFFFFF;
            }
        }
        return px;
    }

    @Test
    void residualsAreTheTextbookMedianPredictorsAndDecodeExactly() throws Exception {
        int[] px = picture(1);
        int x0 = 5;
        int y0 = 3;
        int w = 90;
        int h = 70;
        ByteSink sink = new ByteSink(16);
        LosslessCoder.encodeRegion(px, STRIDE, x0, y0, w, h, sink);
        assertArrayEquals(reference(px, x0, y0, w, h), Arrays.copyOf(sink.array(), sink.size()),
                "the residual planes are part of the format");

        // The decoder uses only pixels of the region: what lies around it does not matter.
        int[] viewer = new int[px.length];
        Arrays.fill(viewer, 0xABCDEF);
        LosslessCoder.decodeRegion(new SliceReader(Arrays.copyOf(sink.array(), sink.size())), viewer, STRIDE,
                x0, y0, w, h);
        for (int y = y0; y < y0 + h; y++) {
            assertArrayEquals(Arrays.copyOfRange(px, y * STRIDE + x0, y * STRIDE + x0 + w),
                    Arrays.copyOfRange(viewer, y * STRIDE + x0, y * STRIDE + x0 + w), "row " + y);
        }
    }

    /** Planar residuals of green, red - green and blue - green against LOCO-I's median, with branches. */
    private static byte[] reference(int[] px, int x0, int y0, int w, int h) {
        int n = w * h;
        byte[] out = new byte[3 * n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] p = channels(px[(y0 + y) * STRIDE + x0 + x]);
                int[] predicted = new int[3];
                if (y == 0 && x > 0) {
                    predicted = channels(px[(y0 + y) * STRIDE + x0 + x - 1]);
                } else if (y > 0 && x == 0) {
                    predicted = channels(px[(y0 + y - 1) * STRIDE + x0]);
                } else if (y > 0) {
                    int[] a = channels(px[(y0 + y) * STRIDE + x0 + x - 1]);
                    int[] b = channels(px[(y0 + y - 1) * STRIDE + x0 + x]);
                    int[] c = channels(px[(y0 + y - 1) * STRIDE + x0 + x - 1]);
                    for (int k = 0; k < 3; k++) {
                        predicted[k] = median(a[k], b[k], c[k]);
                    }
                }
                for (int k = 0; k < 3; k++) {
                    out[k * n + y * w + x] = (byte) (p[k] - predicted[k]);
                }
            }
        }
        return out;
    }

    private static int[] channels(int p) {
        int g = (p >>> 8) & 0xFF;
        return new int[] {g, ((p >>> 16) - g) & 0xFF, (p - g) & 0xFF};
    }

    private static int median(int a, int b, int c) {
        if (c >= Math.max(a, b)) {
            return Math.min(a, b);
        }
        if (c <= Math.min(a, b)) {
            return Math.max(a, b);
        }
        return a + b - c;
    }
}
