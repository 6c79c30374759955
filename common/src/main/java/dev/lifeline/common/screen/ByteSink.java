package dev.lifeline.common.screen;

import java.util.Arrays;

/** A growable byte array without the locking of ByteArrayOutputStream: the encoder writes a lot of bytes. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    void writeRgb(int rgb) {
        ensure(3);
        bytes[size] = (byte) (rgb >>> 16);
        bytes[size + 1] = (byte) (rgb >>> 8);
        bytes[size + 2] = (byte) rgb;
        size += 3;
    }

    void writeVarint(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void write(byte[] src, int from, int length) {
        ensure(length);
        System.arraycopy(src, from, bytes, size, length);
        size += length;
    }

    /** Makes room for {@code n} more bytes; callers then write through {@link #array()} and {@link #advance}. */
    void ensure(int n) {
        if (size + n > bytes.length) {
            grow(n);
        }
    }

    byte[] array() {
        return bytes;
    }

    void advance(int n) {
        size += n;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void grow(int n) {
        long wanted = Math.max((long) bytes.length * 2, (long) size + n);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("screen update too large");
        }
        bytes = Arrays.copyOf(bytes, (int) wanted);
    }
}
