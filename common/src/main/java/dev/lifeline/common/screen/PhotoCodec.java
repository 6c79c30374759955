package dev.lifeline.common.screen;

/**
 * Lossy compression of photo-like areas (JPEG). Kept behind an interface because the standard
 * encoders live in AWT's ImageIO, which {@code common} does not use; the client plugs one in.
 */
public interface PhotoCodec {
    /**
     * Compresses a {@code width × height} block of {@code 0xRRGGBB} pixels read from {@code pixels}
     * starting at {@code offset}, rows {@code stride} apart. {@code quality} is 1..100.
     */
    byte[] encode(int[] pixels, int offset, int stride, int width, int height, int quality);

    /**
     * Decodes {@code data} into exactly {@code width × height} pixels written into {@code pixels}
     * at {@code offset}, rows {@code stride} apart.
     *
     * @throws MalformedScreenUpdateException when the data is not an image of that size
     */
    void decode(byte[] data, int[] pixels, int offset, int stride, int width, int height)
            throws MalformedScreenUpdateException;

    /** For ends without a photo codec: the encoder then stays lossless in every mode. */
    PhotoCodec NONE = new PhotoCodec() {
        @Override
        public byte[] encode(int[] pixels, int offset, int stride, int width, int height, int quality) {
            throw new UnsupportedOperationException("no photo codec");
        }

        @Override
        public void decode(byte[] data, int[] pixels, int offset, int stride, int width, int height)
                throws MalformedScreenUpdateException {
            throw new MalformedScreenUpdateException("update holds a photo area but this viewer has no photo codec");
        }
    };
}
