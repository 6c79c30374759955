package dev.lifeline.common.screen;

/**
 * The binary adaptive range coder of LZMA (Igor Pavlov's public-domain design): each bit is coded
 * with an 11-bit probability that adapts to what was coded before in the same context. Used for
 * palette indices, where the context of a pixel (its left and upper neighbours) predicts it far
 * better than a general-purpose compressor can.
 */
final class RangeEncoder {
    static final int PROBABILITY_BITS = 11;
    static final int PROBABILITY_ONE = 1 << PROBABILITY_BITS;
    static final short PROBABILITY_HALF = (short) (PROBABILITY_ONE / 2);
    static final int ADAPT_SHIFT = 5;
    private static final int TOP = 1 << 24;

    private final ByteSink out;
    private long low;
    private int range = -1;
    private int cacheSize = 1;
    private int cache;

    RangeEncoder(ByteSink out) {
        this.out = out;
    }

    void encodeBit(short[] probabilities, int index, int bit) {
        int p = probabilities[index];
        int bound = (range >>> PROBABILITY_BITS) * p;
        if (bit == 0) {
            range = bound;
            probabilities[index] = (short) (p + ((PROBABILITY_ONE - p) >>> ADAPT_SHIFT));
        } else {
            low += bound & 0xFFFFFFFFL;
            range -= bound;
            probabilities[index] = (short) (p - (p >>> ADAPT_SHIFT));
        }
        if ((range & 0xFF000000) == 0) {
            range <<= 8;
            shiftLow();
        }
    }

    /** {@code bits} low bits of {@code value}, high bit first, through a binary tree of probabilities. */
    void encodeTree(short[] probabilities, int bits, int value) {
        int node = 1;
        for (int i = bits - 1; i >= 0; i--) {
            int bit = (value >>> i) & 1;
            encodeBit(probabilities, node, bit);
            node = (node << 1) | bit;
        }
    }

    private void shiftLow() {
        int carry = (int) (low >>> 32);
        if (carry != 0 || low < 0xFF000000L) {
            int temp = cache;
            do {
                out.write(temp + carry);
                temp = 0xFF;
            } while (--cacheSize != 0);
            cache = ((int) low) >>> 24;
        }
        cacheSize++;
        low = (low & 0xFFFFFF) << 8;
    }

    void finish() {
        for (int i = 0; i < 5; i++) {
            shiftLow();
        }
    }

    static void reset(short[] probabilities) {
        java.util.Arrays.fill(probabilities, PROBABILITY_HALF);
    }
}
