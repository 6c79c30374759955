package dev.lifeline.common.screen;

/**
 * One screen's pixels as packed {@code 0xRRGGBB} ints, row by row (the top byte is ignored), the
 * form AWT capture and JavaFX pixel buffers both use without conversion.
 */
public final class ScreenImage {
    /** Largest side the codec accepts: 8K with room to spare, small enough that w × h fits an int. */
    public static final int MAX_SIDE = 16_384;
    /**
     * Largest area: an 8K monitor (7680 x 4320) with room to spare. A viewer never allocates more
     * than this for a picture, whatever a peer's update claims.
     */
    public static final int MAX_PIXELS = 36_000_000;

    private final int width;
    private final int height;
    private final int[] pixels;

    public ScreenImage(int width, int height, int[] pixels) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("screen size " + width + "x" + height + " out of range");
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public static ScreenImage blank(int width, int height) {
        return new ScreenImage(width, height, new int[width * height]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live array, not a copy: the codec reads it in place. */
    public int[] pixels() {
        return pixels;
    }

    public int rgb(int x, int y) {
        return pixels[y * width + x] & 0xFFFFFF;
    }
}
