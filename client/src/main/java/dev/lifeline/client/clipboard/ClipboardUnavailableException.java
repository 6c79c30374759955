package dev.lifeline.client.clipboard;

/** There is no clipboard to use here: no display, or the toolkit refused. */
public final class ClipboardUnavailableException extends RuntimeException {
    public ClipboardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
