package dev.lifeline.common.screen;

import java.util.Arrays;

/**
 * Remembers, across updates, which colour last followed each pixel neighbourhood (two pixels to
 * the left, three above and one two rows up). Text and icons repeat their shapes: once a glyph has
 * been sent, the next copy of it — in the same update or minutes later — is predicted pixel by
 * pixel from the first, which is what makes a page of terminal text cheap. Colours, not palette
 * indices, are remembered, so a prediction holds across regions with different palettes.
 *
 * <p>Encoder and decoder run the same predict-then-learn sequence over every palette region, in op
 * order, and both clear the memory on a keyframe. Pixels in a flat neighbourhood are skipped on
 * both sides: the left neighbour predicts them already, and skipping them keeps the memory fast
 * and for the shapes.
 */
final class NeighbourhoodMemory {
    private static final int BITS = 16;
    static final int ENTRIES = 1 << BITS;
    /** Marks a learned entry, so that black (0) is remembered too. */
    static final int LEARNED = 1 << 24;
    /** A neighbour outside the region: distinct from every colour. */
    private static final int OUTSIDE = 1 << 25;

    /** Package-visible for {@link DecoderState}, which saves and restores it. */
    final int[] table = new int[ENTRIES];
    private final Decoding decoding = new Decoding();
    private int slot = -1;

    void clear() {
        Arrays.fill(table, 0);
    }

    /**
     * Encoder: for each pixel of a {@code w × h} region of {@code indices} (from {@code start}, in
     * {@code palette}), the index its neighbourhood predicts — or {@link IndexModel#NO_PREDICTION} —
     * into {@code out} from {@code at}; then learns the region.
     */
    void predictRegion(byte[] indices, int start, int w, int h, int[] palette, PaletteCoder lookup, byte[] out, int at) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = start + y * w + x;
                out[at++] = (byte) predictIndex(indices, start, i, x, y, w, palette, lookup);
                learn(palette[indices[i] & 0xFF]);
            }
        }
    }

    /** Decoder: predictions and learning for a region in {@code palette} while its indices are decoded. */
    IndexModel.Memory decoding(int[] palette, PaletteCoder lookup) {
        decoding.palette = palette;
        decoding.lookup = lookup;
        return decoding;
    }

    /** Decoder: learns a region whose indices arrived another way (the zstd path). */
    void learnRegion(byte[] indices, int w, int h, int[] palette) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                predict(indices, 0, y * w + x, x, y, w, palette);
                learn(palette[indices[y * w + x] & 0xFF]);
            }
        }
    }

    /**
     * The colour remembered for the neighbourhood of pixel {@code i} (column {@code x}, row
     * {@code y}) of the {@code w}-wide region starting at {@code start}, whose pixels before
     * {@code i} are known; -1 when none is, or when the neighbourhood is flat (not looked up).
     */
    private int predict(byte[] indices, int start, int i, int x, int y, int w, int[] palette) {
        slot = -1;
        if (x < 2 || y < 2 || x + 1 >= w) {
            return edgePredict(indices, i, x, y, w, palette);
        }
        int ia = indices[i - 1];
        int ib = indices[i - w];
        if (ia == ib && ia == indices[i - 2] && ia == indices[i - w - 1] && ia == indices[i - w + 1]
                && ia == indices[i - 2 * w]) {
            return -1;
        }
        int left = palette[ia & 0xFF];
        int remembered = lookUp(hash(left, palette[ib & 0xFF], palette[indices[i - w - 1] & 0xFF],
                palette[indices[i - w + 1] & 0xFF], palette[indices[i - 2] & 0xFF], palette[indices[i - 2 * w] & 0xFF]));
        // The left neighbour is the index model's first guess already: no need to look it up.
        return remembered == left ? -1 : remembered;
    }

    /**
     * {@link #predict} as a palette index ({@link IndexModel#NO_PREDICTION} for none). The
     * remembered colour is most often one of the neighbours', whose index is then known without a
     * look-up in the palette.
     */
    private int predictIndex(byte[] indices, int start, int i, int x, int y, int w, int[] palette, PaletteCoder lookup) {
        int colour = predict(indices, start, i, x, y, w, palette);
        if (colour < 0) {
            return IndexModel.NO_PREDICTION;
        }
        if (y > 0) {
            int up = indices[i - w] & 0xFF;
            if (palette[up] == colour) {
                return up;
            }
            if (x + 1 < w) {
                int upRight = indices[i - w + 1] & 0xFF;
                if (palette[upRight] == colour) {
                    return upRight;
                }
            }
        }
        int p = lookup.indexOf(colour);
        return p < 0 ? IndexModel.NO_PREDICTION : p;
    }

    /** The same near the region's edges, with the missing neighbours marked as outside. */
    private int edgePredict(byte[] indices, int i, int x, int y, int w, int[] palette) {
        int a = x > 0 ? indices[i - 1] & 0xFF : -1;
        int b = y > 0 ? indices[i - w] & 0xFF : -1;
        int c = x > 0 && y > 0 ? indices[i - w - 1] & 0xFF : -1;
        int d = y > 0 && x + 1 < w ? indices[i - w + 1] & 0xFF : -1;
        int a2 = x > 1 ? indices[i - 2] & 0xFF : -1;
        int b2 = y > 1 ? indices[i - 2 * w] & 0xFF : -1;
        // Flat: at least two neighbours known, and all known ones the same.
        int known = a >= 0 ? a : b;
        if (known >= 0 && (a < 0 || a == known) && (b < 0 || b == known) && (c < 0 || c == known)
                && (d < 0 || d == known) && (a2 < 0 || a2 == known) && (b2 < 0 || b2 == known)
                && (x > 0 ? 1 : 0) + (y > 0 ? 1 : 0) + (x > 1 ? 1 : 0) >= 2) {
            return -1;
        }
        return lookUp(hash(colour(palette, a), colour(palette, b), colour(palette, c), colour(palette, d),
                colour(palette, a2), colour(palette, b2)));
    }

    private static int colour(int[] palette, int index) {
        return index < 0 ? OUTSIDE : palette[index];
    }

    private int lookUp(long hash) {
        slot = (int) (hash >>> (64 - BITS));
        int remembered = table[slot];
        return remembered == 0 ? -1 : remembered & 0xFFFFFF;
    }

    /** Remembers the colour of the pixel last passed to {@link #predict} (unless it was skipped). */
    private void learn(int colour) {
        if (slot >= 0) {
            table[slot] = colour | LEARNED;
        }
    }

    /**
     * The neighbourhood's hash, part of the format (both ends must agree). A sum of independent
     * products rather than a chain of multiplies: the decoder waits for it at every pixel, and the
     * products overlap where a chain would wait on each step. The top bits pick the slot, and those
     * depend on every bit of every colour.
     */
    private static long hash(int left, int up, int upLeft, int upRight, int left2, int up2) {
        return left * 0x9E3779B97F4A7C15L + up * 0xBF58476D1CE4E5B9L + upLeft * 0x94D049BB133111EBL
                + upRight * 0xD6E8FEB86659FD93L + left2 * 0xC2B2AE3D27D4EB4FL + up2 * 0x165667B19E3779F9L;
    }

    private final class Decoding implements IndexModel.Memory {
        int[] palette;
        PaletteCoder lookup;

        @Override
        public int predict(byte[] indices, int i, int x, int y, int w) {
            return predictIndex(indices, 0, i, x, y, w, palette, lookup);
        }

        @Override
        public void learn(int index) {
            NeighbourhoodMemory.this.learn(palette[index]);
        }
    }
}
