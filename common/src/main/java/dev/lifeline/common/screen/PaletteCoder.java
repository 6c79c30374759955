package dev.lifeline.common.screen;

/**
 * Regions with few colours (text, UI): a palette of at most {@value #MAX_COLOURS} colours in
 * first-seen order and one index byte per pixel, which zstd then squeezes. Lossless.
 */
final class PaletteCoder {
    static final int MAX_COLOURS = 256;
    private static final int TABLE_BITS = 10;
    private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

    /** Open-addressing colour table; a slot is live when its stamp equals the current generation. */
    private final int[] keys = new int[1 << TABLE_BITS];
    private final int[] values = new int[1 << TABLE_BITS];
    private final int[] stamps = new int[1 << TABLE_BITS];
    private int generation;
    final int[] palette = new int[MAX_COLOURS];

    /**
     * Writes one index byte per pixel of the region into {@code indices} and collects the palette.
     * Returns the number of colours, or -1 (with {@code indices} rolled back) when there are more
     * than {@value #MAX_COLOURS}.
     */
    int indexRegion(int[] pixels, int stride, int x0, int y0, int w, int h, ByteSink indices) {
        generation++;
        int start = indices.size();
        indices.ensure(w * h);
        byte[] out = indices.array();
        int pos = start;
        int count = 0;
        int lastColour = -1;
        int lastIndex = 0;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                int c = pixels[row + x] & 0xFFFFFF;
                if (c != lastColour) {
                    int slot = (c * 0x9E3779B1) >>> (32 - TABLE_BITS);
                    while (true) {
                        if (stamps[slot] != generation) {
                            if (count == MAX_COLOURS) {
                                return -1;
                            }
                            stamps[slot] = generation;
                            keys[slot] = c;
                            values[slot] = count;
                            palette[count++] = c;
                            break;
                        }
                        if (keys[slot] == c) {
                            break;
                        }
                        slot = (slot + 1) & TABLE_MASK;
                    }
                    lastColour = c;
                    lastIndex = values[slot];
                }
                out[pos++] = (byte) lastIndex;
            }
        }
        indices.advance(pos - start);
        return count;
    }

    /** Counts colours, stopping early past {@code limit}; the palette holds them in first-seen order. */
    int countColours(int[] pixels, int stride, int x0, int y0, int w, int h, int limit) {
        generation++;
        int count = 0;
        int lastColour = -1;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                int c = pixels[row + x] & 0xFFFFFF;
                if (c == lastColour) {
                    continue;
                }
                lastColour = c;
                int slot = (c * 0x9E3779B1) >>> (32 - TABLE_BITS);
                while (true) {
                    if (stamps[slot] != generation) {
                        if (count == limit) {
                            return limit + 1;
                        }
                        stamps[slot] = generation;
                        keys[slot] = c;
                        values[slot] = count;
                        palette[count++] = c;
                        break;
                    }
                    if (keys[slot] == c) {
                        break;
                    }
                    slot = (slot + 1) & TABLE_MASK;
                }
            }
        }
        return count;
    }

    /** Reads {@code w × h} indices into the region, each checked against the palette size. */
    static void decodeRegion(SliceReader indices, int[] palette, int colours, int[] pixels, int stride,
                             int x0, int y0, int w, int h) throws MalformedScreenUpdateException {
        int pos = indices.claim(w * h);
        byte[] src = indices.array();
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                int i = src[pos++] & 0xFF;
                if (i >= colours) {
                    throw new MalformedScreenUpdateException("palette index " + i + " beyond " + colours + " colours");
                }
                pixels[row + x] = palette[i];
            }
        }
    }
}
