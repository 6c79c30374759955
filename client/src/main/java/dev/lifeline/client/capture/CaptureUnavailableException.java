package dev.lifeline.client.capture;

/**
 * This machine cannot capture its screen (no display, a Wayland session without X, a denied
 * permission, a monitor gone). The message says why in words a customer can read.
 */
public final class CaptureUnavailableException extends Exception {
    public CaptureUnavailableException(String message) {
        super(message);
    }

    public CaptureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
