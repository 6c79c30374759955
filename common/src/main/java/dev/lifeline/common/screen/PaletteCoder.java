package dev.lifeline.common.screen;

/**
 * Regions with few colours (text, UI): a palette of at most {@value #MAX_COLOURS} colours in
 * first-seen order and one index byte per pixel, which zstd then squeezes. Lossless.
 */
final class PaletteCoder {
    /** 255, so a colour count fits the format's one byte (count - 1 would allow 256, kept as headroom). */
    static final int MAX_COLOURS = 255;
    private static final int TABLE_BITS = 10;
    private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

    /** Open-addressing colour table; a slot is live when its stamp equals the current generation. */
    private final int[] keys = new int[1 << TABLE_BITS];
    private final int[] values = new int[1 << TABLE_BITS];
    private final int[] stamps = new int[1 << TABLE_BITS];
    private int generation;
    /** {@link #indexOf}'s last question and answer (-1: none since the last {@link #lookUp}). */
    private int lastAsked = -1;
    private int lastAnswer;
    final int[] palette = new int[MAX_COLOURS];

    /**
     * Writes one index byte per pixel of the region into {@code indices} and collects the palette.
     * Returns the number of colours, or -1 (with {@code indices} rolled back) when there are more
     * than {@value #MAX_COLOURS}.
     */
    int indexRegion(int[] pixels, int stride, int x0, int y0, int w, int h, ByteSink indices) {
        generation++;
        lastAsked = -1;
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

    /**
     * Finishes a region indexed by {@link #indexRegion}: sorts the palette (the same colours then
     * get the same index in neighbouring tiles, and sorted colours differ little from each other),
     * and writes it as per-channel differences. The indices are range-coded per slice ({@link IndexModel}).
     */
    void writePalette(int count, ByteSink indices, int w, int h, ByteSink colours) {
        long[] keyed = new long[count];
        for (int i = 0; i < count; i++) {
            keyed[i] = ((long) palette[i] << 8) | i;
        }
        java.util.Arrays.sort(keyed);
        int[] remap = new int[count];
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int c = (int) (keyed[i] >>> 8);
            palette[i] = c;
            remap[(int) (keyed[i] & 0xFF)] = i;
            colours.writeRgb(channelDifference(c, previous));
            previous = c;
        }
        byte[] a = indices.array();
        int start = indices.size() - w * h;
        for (int i = start; i < start + w * h; i++) {
            a[i] = (byte) remap[a[i] & 0xFF];
        }
        lookUp(palette, count);
    }

    /** Makes {@link #indexOf} answer for these colours (a decoded palette, or the sorted one). */
    void lookUp(int[] colours, int count) {
        generation++;
        lastAsked = -1;
        for (int i = 0; i < count; i++) {
            int c = colours[i];
            int slot = (c * 0x9E3779B1) >>> (32 - TABLE_BITS);
            while (stamps[slot] == generation && keys[slot] != c) {
                slot = (slot + 1) & TABLE_MASK;
            }
            stamps[slot] = generation;
            keys[slot] = c;
            values[slot] = i;
        }
    }

    /**
     * The index of a colour in the palette last given to {@link #lookUp}, or -1. Asked once per
     * predicted pixel, mostly for the same few colours (text on its background): the last answer
     * is kept.
     */
    int indexOf(int c) {
        if (c == lastAsked) {
            return lastAnswer;
        }
        lastAsked = c;
        lastAnswer = find(c);
        return lastAnswer;
    }

    private int find(int c) {
        int slot = (c * 0x9E3779B1) >>> (32 - TABLE_BITS);
        while (stamps[slot] == generation) {
            if (keys[slot] == c) {
                return values[slot];
            }
            slot = (slot + 1) & TABLE_MASK;
        }
        return -1;
    }

    private static int channelDifference(int c, int previous) {
        return (((c >>> 16) - (previous >>> 16)) & 0xFF) << 16 | (((c >>> 8) - (previous >>> 8)) & 0xFF) << 8
                | ((c - previous) & 0xFF);
    }

    /** Reads a palette written by {@link #writePalette}. */
    static void readPalette(SliceReader colours, int[] palette, int count) throws MalformedScreenUpdateException {
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int r = (colours.u8() + (previous >>> 16)) & 0xFF;
            int g = (colours.u8() + (previous >>> 8)) & 0xFF;
            int b = (colours.u8() + previous) & 0xFF;
            previous = r << 16 | g << 8 | b;
            palette[i] = previous;
        }
    }

    /** Paints a region from decoded indices, each checked against the palette size. */
    static void paintRegion(byte[] indices, int[] palette, int colours, int[] pixels, int stride,
                            int x0, int y0, int w, int h) throws MalformedScreenUpdateException {
        int pos = 0;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                int i = indices[pos++] & 0xFF;
                if (i >= colours) {
                    throw new MalformedScreenUpdateException("palette index " + i + " beyond " + colours + " colours");
                }
                pixels[row + x] = palette[i];
            }
        }
    }
}
