package dev.lifeline.client.screen;

import java.util.Arrays;

/**
 * What the customer's mouse pointer looks like: non-premultiplied ARGB pixels and the hot spot
 * (the pixel that points). Sent only when it changes; the viewer draws it at the cursor position.
 */
public record CursorShape(int width, int height, int hotX, int hotY, int[] argb) {
    /** Larger pointers are cut to this size (accessibility cursors reach 96 px). */
    public static final int MAX_SIDE = 128;

    public CursorShape {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("cursor of " + width + "x" + height);
        }
        if (hotX < 0 || hotY < 0 || hotX >= width || hotY >= height) {
            throw new IllegalArgumentException("hot spot " + hotX + "," + hotY + " outside the cursor");
        }
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for a " + width + "x" + height + " cursor");
        }
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CursorShape s && s.width == width && s.height == height && s.hotX == hotX
                && s.hotY == hotY && Arrays.equals(s.argb, argb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(argb) * 31 + width * 7 + height * 5 + hotX * 3 + hotY;
    }

    @Override
    public String toString() {
        return "CursorShape[" + width + "x" + height + " hot " + hotX + "," + hotY + "]";
    }
}
