package dev.lifeline.common.screen;

/**
 * Many-colour regions without loss: green and the red and blue differences from green (which
 * decorrelates the channels), each predicted from its left, upper and upper-left neighbours with
 * the LOCO-I median predictor, as planar residual bytes for zstd.
 */
final class LosslessCoder {
    private LosslessCoder() {
    }

    static void encodeRegion(int[] pixels, int stride, int x0, int y0, int w, int h, ByteSink residuals) {
        int n = w * h;
        residuals.ensure(3 * n);
        byte[] out = residuals.array();
        int base = residuals.size();
        int pos = 0;
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * stride + x0;
            int up = row - stride;
            for (int x = 0; x < w; x++) {
                int p = pixels[row + x];
                int g = (p >>> 8) & 0xFF;
                int rg = ((p >>> 16) - g) & 0xFF;
                int bg = (p - g) & 0xFF;
                int prediction = predict(pixels, row, up, x, y);
                int pg = prediction >>> 16;
                int prg = (prediction >>> 8) & 0xFF;
                int pbg = prediction & 0xFF;
                out[base + pos] = (byte) (g - pg);
                out[base + n + pos] = (byte) (rg - prg);
                out[base + 2 * n + pos] = (byte) (bg - pbg);
                pos++;
            }
        }
        residuals.advance(3 * n);
    }

    static void decodeRegion(SliceReader residuals, int[] pixels, int stride, int x0, int y0, int w, int h)
            throws MalformedScreenUpdateException {
        int n = w * h;
        int base = residuals.claim(3 * n);
        byte[] in = residuals.array();
        int pos = 0;
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * stride + x0;
            int up = row - stride;
            for (int x = 0; x < w; x++) {
                int prediction = predict(pixels, row, up, x, y);
                int pg = prediction >>> 16;
                int prg = (prediction >>> 8) & 0xFF;
                int pbg = prediction & 0xFF;
                int g = (in[base + pos] + pg) & 0xFF;
                int r = (in[base + n + pos] + prg + g) & 0xFF;
                int blue = (in[base + 2 * n + pos] + pbg + g) & 0xFF;
                pixels[row + x] = (r << 16) | (g << 8) | blue;
                pos++;
            }
        }
    }

    /**
     * The predicted green, red-minus-green and blue-minus-green of pixel {@code x} of region row
     * {@code y} (starting at {@code row}, the row above at {@code up}), packed as 0xGGRRBB: from
     * the left neighbour on the first row, the upper one in the first column, the median edge
     * detector elsewhere. Encoder and decoder call the same code, so they cannot drift apart.
     */
    private static int predict(int[] pixels, int row, int up, int x, int y) {
        int neighbour;
        if (y == 0) {
            if (x == 0) {
                return 0;
            }
            neighbour = pixels[row + x - 1];
        } else if (x == 0) {
            neighbour = pixels[up];
        } else {
            int a = pixels[row + x - 1];
            int b = pixels[up + x];
            int c = pixels[up + x - 1];
            int ag = (a >>> 8) & 0xFF;
            int bg = (b >>> 8) & 0xFF;
            int cg = (c >>> 8) & 0xFF;
            int g = med(ag, bg, cg);
            int rg = med(((a >>> 16) - ag) & 0xFF, ((b >>> 16) - bg) & 0xFF, ((c >>> 16) - cg) & 0xFF);
            int blue = med((a - ag) & 0xFF, (b - bg) & 0xFF, (c - cg) & 0xFF);
            return g << 16 | rg << 8 | blue;
        }
        int g = (neighbour >>> 8) & 0xFF;
        return g << 16 | (((neighbour >>> 16) - g) & 0xFF) << 8 | ((neighbour - g) & 0xFF);
    }

    /** LOCO-I / JPEG-LS median edge detector. */
    private static int med(int a, int b, int c) {
        int max = Math.max(a, b);
        int min = Math.min(a, b);
        if (c >= max) {
            return min;
        }
        if (c <= min) {
            return max;
        }
        return a + b - c;
    }
}
