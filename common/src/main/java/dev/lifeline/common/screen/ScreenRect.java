package dev.lifeline.common.screen;

/** A rectangle of screen pixels; {@link #EMPTY} when nothing changed. */
public record ScreenRect(int x, int y, int width, int height) {
    public static final ScreenRect EMPTY = new ScreenRect(0, 0, 0, 0);

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    /** The smallest rectangle holding both. */
    public ScreenRect union(ScreenRect other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        int left = Math.min(x, other.x);
        int top = Math.min(y, other.y);
        int right = Math.max(x + width, other.x + other.width);
        int bottom = Math.max(y + height, other.y + other.height);
        return new ScreenRect(left, top, right - left, bottom - top);
    }
}
