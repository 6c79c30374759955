package dev.lifeline.common.screen;

import java.nio.ByteBuffer;

/** A lossy stand-in for JPEG in common's tests: keeps the top four bits of each channel. */
final class CoarsePhotoCodec implements PhotoCodec {
    int encoded;

    @Override
    public byte[] encode(int[] pixels, int offset, int stride, int width, int height, int quality) {
        encoded++;
        ByteBuffer out = ByteBuffer.allocate(8 + width * height * 3);
        out.putInt(width).putInt(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = pixels[offset + y * stride + x] & 0xF0F0F0;
                out.put((byte) (p >>> 16)).put((byte) (p >>> 8)).put((byte) p);
            }
        }
        return out.array();
    }

    @Override
    public void decode(byte[] data, int[] pixels, int offset, int stride, int width, int height)
            throws MalformedScreenUpdateException {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (data.length != 8 + width * height * 3 || in.getInt() != width || in.getInt() != height) {
            throw new MalformedScreenUpdateException("photo is not " + width + "x" + height);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[offset + y * stride + x] = (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | (in.get() & 0xFF);
            }
        }
    }
}
