package dev.lifeline.client.capture;

/** The mouse pointer in a monitor's pixels; {@code visible} false when it is on another monitor or unknown. */
public record CursorPosition(int x, int y, boolean visible) {
    public static final CursorPosition HIDDEN = new CursorPosition(0, 0, false);
}
