package dev.lifeline.common.screen;

/**
 * Decodes what {@link RangeEncoder} wrote. Reading past the end yields zero bytes instead of an
 * error: the caller bounds how many symbols it decodes and checks every decoded value, so a lying
 * stream produces wrong but bounded output, which the checks then refuse or accept as pixels.
 */
final class RangeDecoder {
    private final byte[] in;
    private int pos;
    private final int end;
    private int range = -1;
    private int code;

    RangeDecoder(byte[] in, int from, int to) {
        this.in = in;
        this.pos = from;
        this.end = to;
        for (int i = 0; i < 5; i++) {
            code = (code << 8) | next();
        }
    }

    private int next() {
        return pos < end ? in[pos++] & 0xFF : 0;
    }

    int decodeBit(short[] probabilities, int index) {
        int p = probabilities[index];
        int bound = (range >>> RangeEncoder.PROBABILITY_BITS) * p;
        int bit;
        if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
            range = bound;
            probabilities[index] = (short) (p + ((RangeEncoder.PROBABILITY_ONE - p) >>> RangeEncoder.ADAPT_SHIFT));
            bit = 0;
        } else {
            range -= bound;
            code -= bound;
            probabilities[index] = (short) (p - (p >>> RangeEncoder.ADAPT_SHIFT));
            bit = 1;
        }
        if ((range & 0xFF000000) == 0) {
            code = (code << 8) | next();
            range <<= 8;
        }
        return bit;
    }

    int decodeTree(short[] probabilities, int bits) {
        int node = 1;
        for (int i = 0; i < bits; i++) {
            node = (node << 1) | decodeBit(probabilities, node);
        }
        return node - (1 << bits);
    }
}
