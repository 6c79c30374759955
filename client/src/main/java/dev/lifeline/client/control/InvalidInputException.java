package dev.lifeline.client.control;

/** An input event that is not applied because it makes no sense on this machine; nothing of it is done. */
public final class InvalidInputException extends Exception {
    public enum Reason {
        /** No kind set, or a kind this version does not know. */
        EMPTY,
        /** Pointer input while no monitor of this machine is known (the screen is not shared). */
        NO_SCREEN,
        UNKNOWN_MONITOR,
        OUTSIDE_MONITOR,
        UNKNOWN_BUTTON,
        UNKNOWN_KEY,
        BAD_WHEEL,
        BAD_TEXT,
        UNKNOWN_COMBO,
        TOO_MANY_KEYS_HELD
    }

    private final Reason reason;

    public InvalidInputException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
