package dev.lifeline.client.control;

/** The mouse buttons a technician may press on the customer's machine. */
public enum MouseButton {
    LEFT,
    MIDDLE,
    RIGHT
}
