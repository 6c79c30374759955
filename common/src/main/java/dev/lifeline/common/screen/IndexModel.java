package dev.lifeline.common.screen;

/**
 * How palette indices are coded: each pixel is most likely the colour of its left neighbour, next
 * of the one above (or another neighbour); only the rest is spelled out. The probabilities of
 * those guesses are learned per context — which of the neighbours agree with each other — so flat
 * areas cost almost nothing and glyph edges little. One model per slice, so slices decode alone.
 */
final class IndexModel {
    /** Contexts: 3 positions (inside, first row, first column) x 16 neighbour agreements. */
    private static final int CONTEXTS = 3 * 16;

    private final short[] first = new short[CONTEXTS];
    private final short[] second = new short[CONTEXTS];
    private final short[] literal = new short[512];
    /** "This row repeats the one above", in the context of whether the previous row did. */
    private final short[] sameRow = new short[2];
    /** "The pixel is the colour its neighbourhood had last time", per agreement context and whether that is the upper one. */
    private final short[] remembered = new short[CONTEXTS * 2];
    static final int NO_PREDICTION = 255;

    IndexModel() {
        RangeEncoder.reset(first);
        RangeEncoder.reset(second);
        RangeEncoder.reset(literal);
        RangeEncoder.reset(sameRow);
        RangeEncoder.reset(remembered);
    }

    /** Codes {@code w × h} indices of {@code indices} from {@code start}, row by row. */
    void encode(byte[] indices, int start, int w, int h, byte[] predictions, int predicted, RangeEncoder rc) {
        int shift = predicted - start;
        int previousSame = 0;
        for (int y = 0; y < h; y++) {
            if (y > 0) {
                int row = start + y * w;
                int same = java.util.Arrays.mismatch(indices, row, row + w, indices, row - w, row) < 0 ? 1 : 0;
                rc.encodeBit(sameRow, previousSame, same);
                previousSame = same;
                if (same == 1) {
                    continue;
                }
            }
            int row = start + y * w;
            if (y == 0) {
                encodePixel(rc, indices[row] & 0xFF, FIRST_ROW_CONTEXT, -1, -1, -1, -1, predictions[row + shift] & 0xFF);
                for (int x = 1; x < w; x++) {
                    encodePixel(rc, indices[row + x] & 0xFF, FIRST_ROW_CONTEXT, indices[row + x - 1] & 0xFF, -1, -1, -1,
                            predictions[row + x + shift] & 0xFF);
                }
                continue;
            }
            // Neighbours slide along the row: c is the old b, b the old d.
            int b = indices[row - w] & 0xFF;
            int d = w > 1 ? indices[row - w + 1] & 0xFF : -1;
            encodePixel(rc, indices[row] & 0xFF, firstColumnContext(b, d), b, b, -1, d, predictions[row + shift] & 0xFF);
            int c;
            for (int x = 1; x < w; x++) {
                int i = row + x;
                int a = indices[i - 1] & 0xFF;
                c = b;
                b = d;
                d = x + 1 < w ? indices[i - w + 1] & 0xFF : -1;
                int agreement = (a == b ? 1 : 0) | (b == c ? 2 : 0) | (a == c ? 4 : 0) | (b == d ? 8 : 0);
                encodePixel(rc, indices[i] & 0xFF, agreement, a, b, c, d, predictions[i + shift] & 0xFF);
            }
        }
    }

    private void encodePixel(RangeEncoder rc, int value, int context, int guess1, int b, int c, int d, int p) {
        if (p != NO_PREDICTION && p != guess1) {
            rc.encodeBit(remembered, context * 2 + (p == b ? 1 : 0), value == p ? 0 : 1);
            if (value == p) {
                return;
            }
        }
        if (guess1 < 0) {
            rc.encodeTree(literal, 8, value);
            return;
        }
        rc.encodeBit(first, context, value == guess1 ? 0 : 1);
        if (value == guess1) {
            return;
        }
        int guess2 = secondGuess(guess1, b, c, d);
        if (guess2 >= 0) {
            rc.encodeBit(second, context, value == guess2 ? 0 : 1);
            if (value == guess2) {
                return;
            }
        }
        rc.encodeTree(literal, 8, value);
    }

    /** Decodes {@code w × h} indices into {@code out}; values are checked by the caller. */
    void decode(RangeDecoder rc, byte[] out, int w, int h, Memory memory) {
        int previousSame = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            if (y > 0) {
                int same = rc.decodeBit(sameRow, previousSame);
                previousSame = same;
                if (same == 1) {
                    System.arraycopy(out, (y - 1) * w, out, y * w, w);
                    for (int x = 0; x < w; x++) {
                        memory.predict(out, row + x, x, y, w);
                        memory.learn(out[row + x] & 0xFF);
                    }
                    continue;
                }
            }
            if (y == 0) {
                out[0] = (byte) decodePixel(rc, FIRST_ROW_CONTEXT, -1, -1, -1, -1, memory.predict(out, 0, 0, 0, w));
                memory.learn(out[0] & 0xFF);
                for (int x = 1; x < w; x++) {
                    out[x] = (byte) decodePixel(rc, FIRST_ROW_CONTEXT, out[x - 1] & 0xFF, -1, -1, -1,
                            memory.predict(out, x, x, 0, w));
                    memory.learn(out[x] & 0xFF);
                }
                continue;
            }
            int b = out[row - w] & 0xFF;
            int d = w > 1 ? out[row - w + 1] & 0xFF : -1;
            out[row] = (byte) decodePixel(rc, firstColumnContext(b, d), b, b, -1, d, memory.predict(out, row, 0, y, w));
            memory.learn(out[row] & 0xFF);
            int c;
            for (int x = 1; x < w; x++) {
                int i = row + x;
                int a = out[i - 1] & 0xFF;
                c = b;
                b = d;
                d = x + 1 < w ? out[i - w + 1] & 0xFF : -1;
                int agreement = (a == b ? 1 : 0) | (b == c ? 2 : 0) | (a == c ? 4 : 0) | (b == d ? 8 : 0);
                out[i] = (byte) decodePixel(rc, agreement, a, b, c, d, memory.predict(out, i, x, y, w));
                memory.learn(out[i] & 0xFF);
            }
        }
    }

    /** The decoder's side of the neighbourhood memory, in palette indices of the region being decoded. */
    interface Memory {
        /** The predicted index of pixel {@code i}, or {@link #NO_PREDICTION}. */
        int predict(byte[] indices, int i, int x, int y, int w);

        /** Remembers the index just decoded for the pixel last predicted. */
        void learn(int index);
    }

    private int decodePixel(RangeDecoder rc, int context, int guess1, int b, int c, int d, int p) {
        if (p != NO_PREDICTION && p != guess1) {
            if (rc.decodeBit(remembered, context * 2 + (p == b ? 1 : 0)) == 0) {
                return p;
            }
        }
        if (guess1 < 0) {
            return rc.decodeTree(literal, 8);
        }
        if (rc.decodeBit(first, context) == 0) {
            return guess1;
        }
        int guess2 = secondGuess(guess1, b, c, d);
        if (guess2 >= 0 && rc.decodeBit(second, context) == 0) {
            return guess2;
        }
        return rc.decodeTree(literal, 8);
    }

    /** First row: only the left neighbour is known (16 = first-row contexts, 10 = the missing ones agree). */
    private static final int FIRST_ROW_CONTEXT = 16 + 10;

    /** First column: up and upper-right are known (32 = first-column contexts, 4 = the missing ones agree). */
    private static int firstColumnContext(int b, int d) {
        return 32 + 4 + (b == d ? 8 : 0);
    }

    /** The first of up, upper-left, upper-right that differs from the first guess, or -1. */
    private static int secondGuess(int guess1, int b, int c, int d) {
        if (b >= 0 && b != guess1) {
            return b;
        }
        if (c >= 0 && c != guess1) {
            return c;
        }
        if (d >= 0 && d != guess1) {
            return d;
        }
        return -1;
    }
}
