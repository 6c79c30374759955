package dev.lifeline.common.screen;

/** Reads a slice's bytes with bounds checks: running past the end is a malformed update. */
final class SliceReader {
    private final byte[] bytes;
    private int pos;
    private final int end;

    SliceReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    SliceReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.pos = from;
        this.end = to;
    }

    int u8() throws MalformedScreenUpdateException {
        if (pos >= end) {
            throw new MalformedScreenUpdateException("update ends early");
        }
        return bytes[pos++] & 0xFF;
    }

    /** An unsigned varint that must fit in 31 bits. */
    int varint() throws MalformedScreenUpdateException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = u8();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0 || (shift == 28 && b > 0x07)) {
                    throw new MalformedScreenUpdateException("number too large");
                }
                return value;
            }
        }
        throw new MalformedScreenUpdateException("number too long");
    }

    /** Varint bounded by {@code max} inclusive, named for the error message. */
    int varint(int max, String what) throws MalformedScreenUpdateException {
        int v = varint();
        if (v > max) {
            throw new MalformedScreenUpdateException(what + " " + v + " exceeds " + max);
        }
        return v;
    }

    /** Reserves the next {@code length} bytes and returns where they start in {@link #array()}. */
    int claim(int length) throws MalformedScreenUpdateException {
        if (length < 0 || length > end - pos) {
            throw new MalformedScreenUpdateException("length " + length + " runs past the end of the update");
        }
        int start = pos;
        pos += length;
        return start;
    }

    byte[] array() {
        return bytes;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }
}
