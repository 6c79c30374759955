package dev.lifeline.client.control;

/**
 * One input event from the technician, already checked ({@link InputMessages#fromWire}). Pointer
 * coordinates are desktop pixels of the customer's machine, inside {@code monitor}.
 */
public sealed interface RemoteInput {
    record Move(int monitor, int x, int y) implements RemoteInput {
    }

    record Button(int monitor, int x, int y, MouseButton button, boolean pressed) implements RemoteInput {
    }

    /** Positive notches scroll down (towards the user). */
    record Wheel(int notches) implements RemoteInput {
    }

    /** A {@code java.awt.event.KeyEvent} VK code, one of {@link KeyCodes#allowed()}. */
    record Key(int keyCode, boolean pressed) implements RemoteInput {
    }

    record Text(String text) implements RemoteInput {
    }

    record Combo(SystemCombo combo) implements RemoteInput {
    }

    /** Let go of everything held. */
    record ReleaseAll() implements RemoteInput {
    }
}
