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

    IndexModel() {
        RangeEncoder.reset(first);
        RangeEncoder.reset(second);
        RangeEncoder.reset(literal);
        RangeEncoder.reset(sameRow);
    }

    /** Codes {@code w × h} indices of {@code indices} from {@code start}, row by row. */
    void encode(byte[] indices, int start, int w, int h, RangeEncoder rc) {
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
            for (int x = 0; x < w; x++) {
                int i = start + y * w + x;
                int value = indices[i] & 0xFF;
                int a = x > 0 ? indices[i - 1] & 0xFF : -1;
                int b = y > 0 ? indices[i - w] & 0xFF : -1;
                int c = x > 0 && y > 0 ? indices[i - w - 1] & 0xFF : -1;
                int d = y > 0 && x + 1 < w ? indices[i - w + 1] & 0xFF : -1;
                if (x == 0 && y == 0) {
                    rc.encodeTree(literal, 8, value);
                    continue;
                }
                int context = context(x, y, a, b, c, d);
                int guess1 = a >= 0 ? a : b;
                rc.encodeBit(first, context, value == guess1 ? 0 : 1);
                if (value == guess1) {
                    continue;
                }
                int guess2 = secondGuess(guess1, b, c, d);
                if (guess2 >= 0) {
                    rc.encodeBit(second, context, value == guess2 ? 0 : 1);
                    if (value == guess2) {
                        continue;
                    }
                }
                rc.encodeTree(literal, 8, value);
            }
        }
    }

    /** Decodes {@code w × h} indices into {@code out}; values are checked by the caller. */
    void decode(RangeDecoder rc, byte[] out, int w, int h) {
        int previousSame = 0;
        for (int y = 0; y < h; y++) {
            if (y > 0) {
                int same = rc.decodeBit(sameRow, previousSame);
                previousSame = same;
                if (same == 1) {
                    System.arraycopy(out, (y - 1) * w, out, y * w, w);
                    continue;
                }
            }
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int a = x > 0 ? out[i - 1] & 0xFF : -1;
                int b = y > 0 ? out[i - w] & 0xFF : -1;
                int c = x > 0 && y > 0 ? out[i - w - 1] & 0xFF : -1;
                int d = y > 0 && x + 1 < w ? out[i - w + 1] & 0xFF : -1;
                if (x == 0 && y == 0) {
                    out[i] = (byte) rc.decodeTree(literal, 8);
                    continue;
                }
                int context = context(x, y, a, b, c, d);
                int guess1 = a >= 0 ? a : b;
                if (rc.decodeBit(first, context) == 0) {
                    out[i] = (byte) guess1;
                    continue;
                }
                int guess2 = secondGuess(guess1, b, c, d);
                if (guess2 >= 0 && rc.decodeBit(second, context) == 0) {
                    out[i] = (byte) guess2;
                    continue;
                }
                out[i] = (byte) rc.decodeTree(literal, 8);
            }
        }
    }

    private static int context(int x, int y, int a, int b, int c, int d) {
        int position = y == 0 ? 1 : x == 0 ? 2 : 0;
        int agreement = (a == b ? 1 : 0) | (b == c ? 2 : 0) | (a == c ? 4 : 0) | (b == d ? 8 : 0);
        return position * 16 + agreement;
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
