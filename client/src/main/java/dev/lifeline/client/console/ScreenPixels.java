package dev.lifeline.client.console;

import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.nio.IntBuffer;

/**
 * The technician's own copy of the customer's screen, as opaque ARGB ints: the layout a JavaFX
 * {@code PixelBuffer} in INT_ARGB_PRE shows without conversion (opaque, so premultiplying changes
 * nothing). The decoder's picture is a live buffer it reuses, so every frame's changed area is
 * copied here before the decoder may go on. Plain Java, so it is tested without a screen.
 */
public final class ScreenPixels {
    private static final int OPAQUE = 0xFF00_0000;

    private final int width;
    private final int height;
    private final int[] argb;
    private final IntBuffer buffer;

    public ScreenPixels(int width, int height) {
        if (width < 1 || height < 1 || width > ScreenImage.MAX_SIDE || height > ScreenImage.MAX_SIDE) {
            throw new IllegalArgumentException("screen size " + width + "x" + height + " out of range");
        }
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
        this.buffer = IntBuffer.wrap(argb);
    }

    /** A copy sized for {@code image}, holding all of it. */
    public static ScreenPixels copyOf(ScreenImage image) {
        ScreenPixels p = new ScreenPixels(image.width(), image.height());
        p.copyAll(image);
        return p;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether {@code image} has our size; a different size needs a new copy (and a new image in the view). */
    public boolean fits(ScreenImage image) {
        return image.width() == width && image.height() == height;
    }

    /**
     * Copies {@code rect} of {@code image}, clipped to the screen, and makes it opaque (the codec
     * leaves the top byte undefined). Returns the rectangle actually copied, {@link ScreenRect#EMPTY}
     * when it was all outside.
     */
    public ScreenRect copy(ScreenImage image, ScreenRect rect) {
        if (!fits(image)) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height()
                    + ", this copy " + width + "x" + height);
        }
        int left = Math.max(0, rect.x());
        int top = Math.max(0, rect.y());
        int right = (int) Math.min(width, (long) rect.x() + rect.width());
        int bottom = (int) Math.min(height, (long) rect.y() + rect.height());
        if (right <= left || bottom <= top) {
            return ScreenRect.EMPTY;
        }
        int[] source = image.pixels();
        for (int y = top; y < bottom; y++) {
            int end = y * width + right;
            for (int i = y * width + left; i < end; i++) {
                argb[i] = source[i] | OPAQUE;
            }
        }
        return new ScreenRect(left, top, right - left, bottom - top);
    }

    public ScreenRect copyAll(ScreenImage image) {
        return copy(image, new ScreenRect(0, 0, width, height));
    }

    /** One pixel as 0xAARRGGBB. */
    public int argb(int x, int y) {
        return argb[y * width + x];
    }

    /** The backing buffer, whole (position 0, limit width × height), for a PixelBuffer to wrap. */
    public IntBuffer buffer() {
        return buffer;
    }
}
