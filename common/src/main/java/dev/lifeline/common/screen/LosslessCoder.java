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
                int pg;
                int prg;
                int pbg;
                if (y == 0) {
                    if (x == 0) {
                        pg = 0;
                        prg = 0;
                        pbg = 0;
                    } else {
                        int a = pixels[row + x - 1];
                        int ag = (a >>> 8) & 0xFF;
                        pg = ag;
                        prg = ((a >>> 16) - ag) & 0xFF;
                        pbg = (a - ag) & 0xFF;
                    }
                } else if (x == 0) {
                    int b = pixels[up + x];
                    int bgv = (b >>> 8) & 0xFF;
                    pg = bgv;
                    prg = ((b >>> 16) - bgv) & 0xFF;
                    pbg = (b - bgv) & 0xFF;
                } else {
                    int a = pixels[row + x - 1];
                    int b = pixels[up + x];
                    int c = pixels[up + x - 1];
                    int ag = (a >>> 8) & 0xFF;
                    int bgv = (b >>> 8) & 0xFF;
                    int cg = (c >>> 8) & 0xFF;
                    pg = med(ag, bgv, cg);
                    prg = med(((a >>> 16) - ag) & 0xFF, ((b >>> 16) - bgv) & 0xFF, ((c >>> 16) - cg) & 0xFF);
                    pbg = med((a - ag) & 0xFF, (b - bgv) & 0xFF, (c - cg) & 0xFF);
                }
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
                int pg;
                int prg;
                int pbg;
                if (y == 0) {
                    if (x == 0) {
                        pg = 0;
                        prg = 0;
                        pbg = 0;
                    } else {
                        int a = pixels[row + x - 1];
                        int ag = (a >>> 8) & 0xFF;
                        pg = ag;
                        prg = ((a >>> 16) - ag) & 0xFF;
                        pbg = (a - ag) & 0xFF;
                    }
                } else if (x == 0) {
                    int b = pixels[up + x];
                    int bgv = (b >>> 8) & 0xFF;
                    pg = bgv;
                    prg = ((b >>> 16) - bgv) & 0xFF;
                    pbg = (b - bgv) & 0xFF;
                } else {
                    int a = pixels[row + x - 1];
                    int b = pixels[up + x];
                    int c = pixels[up + x - 1];
                    int ag = (a >>> 8) & 0xFF;
                    int bgv = (b >>> 8) & 0xFF;
                    int cg = (c >>> 8) & 0xFF;
                    pg = med(ag, bgv, cg);
                    prg = med(((a >>> 16) - ag) & 0xFF, ((b >>> 16) - bgv) & 0xFF, ((c >>> 16) - cg) & 0xFF);
                    pbg = med((a - ag) & 0xFF, (b - bgv) & 0xFF, (c - cg) & 0xFF);
                }
                int g = (in[base + pos] + pg) & 0xFF;
                int r = (in[base + n + pos] + prg + g) & 0xFF;
                int blue = (in[base + 2 * n + pos] + pbg + g) & 0xFF;
                pixels[row + x] = (r << 16) | (g << 8) | blue;
                pos++;
            }
        }
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
