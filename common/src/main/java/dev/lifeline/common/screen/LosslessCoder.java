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
            if (y == 0) {
                for (int x = 0; x < w; x++) {
                    int prediction = predict(pixels, row, up, x, y);
                    int p = pixels[row + x];
                    int g = (p >>> 8) & 0xFF;
                    out[base + pos] = (byte) (g - (prediction >>> 16));
                    out[base + n + pos] = (byte) ((p >>> 16) - g - (prediction >>> 8));
                    out[base + 2 * n + pos] = (byte) (p - g - prediction);
                    pos++;
                }
                continue;
            }
            // Inside the region: the left (a), upper (b) and upper-left (c) neighbours' channels
            // slide along the row instead of being unpacked three times per pixel.
            int b = pixels[up];
            int bg = (b >>> 8) & 0xFF;
            int brg = ((b >>> 16) - bg) & 0xFF;
            int bbg = (b - bg) & 0xFF;
            int p = pixels[row];
            int ag = (p >>> 8) & 0xFF;
            int arg = ((p >>> 16) - ag) & 0xFF;
            int abg = (p - ag) & 0xFF;
            out[base + pos] = (byte) (ag - bg);
            out[base + n + pos] = (byte) (arg - brg);
            out[base + 2 * n + pos] = (byte) (abg - bbg);
            pos++;
            for (int x = 1; x < w; x++) {
                int cg = bg;
                int crg = brg;
                int cbg = bbg;
                b = pixels[up + x];
                bg = (b >>> 8) & 0xFF;
                brg = ((b >>> 16) - bg) & 0xFF;
                bbg = (b - bg) & 0xFF;
                p = pixels[row + x];
                int g = (p >>> 8) & 0xFF;
                int rg = ((p >>> 16) - g) & 0xFF;
                int blue = (p - g) & 0xFF;
                out[base + pos] = (byte) (g - med(ag, bg, cg));
                out[base + n + pos] = (byte) (rg - med(arg, brg, crg));
                out[base + 2 * n + pos] = (byte) (blue - med(abg, bbg, cbg));
                ag = g;
                arg = rg;
                abg = blue;
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
            if (y == 0) {
                for (int x = 0; x < w; x++) {
                    int prediction = predict(pixels, row, up, x, y);
                    int g = (in[base + pos] + (prediction >>> 16)) & 0xFF;
                    int r = (in[base + n + pos] + ((prediction >>> 8) & 0xFF) + g) & 0xFF;
                    int blue = (in[base + 2 * n + pos] + (prediction & 0xFF) + g) & 0xFF;
                    pixels[row + x] = (r << 16) | (g << 8) | blue;
                    pos++;
                }
                continue;
            }
            // As in encodeRegion; the left neighbour's channels are the pixel just decoded.
            int b = pixels[up];
            int bg = (b >>> 8) & 0xFF;
            int brg = ((b >>> 16) - bg) & 0xFF;
            int bbg = (b - bg) & 0xFF;
            int ag = (in[base + pos] + bg) & 0xFF;
            int arg = (in[base + n + pos] + brg) & 0xFF;
            int abg = (in[base + 2 * n + pos] + bbg) & 0xFF;
            pixels[row] = ((arg + ag) & 0xFF) << 16 | ag << 8 | ((abg + ag) & 0xFF);
            pos++;
            for (int x = 1; x < w; x++) {
                int cg = bg;
                int crg = brg;
                int cbg = bbg;
                b = pixels[up + x];
                bg = (b >>> 8) & 0xFF;
                brg = ((b >>> 16) - bg) & 0xFF;
                bbg = (b - bg) & 0xFF;
                ag = (in[base + pos] + med(ag, bg, cg)) & 0xFF;
                arg = (in[base + n + pos] + med(arg, brg, crg)) & 0xFF;
                abg = (in[base + 2 * n + pos] + med(abg, bbg, cbg)) & 0xFF;
                pixels[row + x] = ((arg + ag) & 0xFF) << 16 | ag << 8 | ((abg + ag) & 0xFF);
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

    /**
     * LOCO-I / JPEG-LS median edge detector: a + b - c clamped to [min(a, b), max(a, b)], the same
     * as its three-way branch, without the branches that photo content mispredicts.
     */
    private static int med(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), a + b - c));
    }
}
