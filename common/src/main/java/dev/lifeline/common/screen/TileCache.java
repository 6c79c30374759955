package dev.lifeline.common.screen;

/**
 * Tiles both ends keep so that content seen before (a window switched back to, a page scrolled
 * back) is sent as a slot number. The encoder decides which slot a tile goes to; the decoder only
 * follows, so both hold the same pixels in the same slots. Cleared by every keyframe.
 */
class TileCache {
    static final int SLOTS = 1024;
    private static final int TILE_PIXELS = TileGrid.TILE * TileGrid.TILE;

    final int[][] pixels = new int[SLOTS][];
    final int[] widths = new int[SLOTS];
    final int[] heights = new int[SLOTS];

    void clear() {
        for (int i = 0; i < SLOTS; i++) {
            widths[i] = 0;
            heights[i] = 0;
        }
    }

    void store(int slot, int[] frame, int stride, int x0, int y0, int w, int h) {
        if (pixels[slot] == null) {
            pixels[slot] = new int[TILE_PIXELS];
        }
        int[] dst = pixels[slot];
        for (int y = 0; y < h; y++) {
            System.arraycopy(frame, (y0 + y) * stride + x0, dst, y * w, w);
        }
        widths[slot] = w;
        heights[slot] = h;
    }

    boolean holds(int slot, int w, int h) {
        return widths[slot] == w && heights[slot] == h;
    }

    void load(int slot, int[] frame, int stride, int x0, int y0) {
        int w = widths[slot];
        int[] src = pixels[slot];
        for (int y = 0; y < heights[slot]; y++) {
            System.arraycopy(src, y * w, frame, (y0 + y) * stride + x0, w);
        }
    }

    boolean sameAs(int slot, int[] frame, int stride, int x0, int y0, int w, int h) {
        if (!holds(slot, w, h)) {
            return false;
        }
        int[] src = pixels[slot];
        for (int y = 0; y < h; y++) {
            int from = (y0 + y) * stride + x0;
            if (java.util.Arrays.mismatch(src, y * w, y * w + w, frame, from, from + w) >= 0) {
                return false;
            }
        }
        return true;
    }
}
