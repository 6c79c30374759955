package dev.lifeline.common.clipboard;

/** Clipboard text over {@link ClipboardText#MAX_BYTES}: nothing was sent or applied. */
public final class ClipboardTooLargeException extends Exception {
    private final long bytes;

    public ClipboardTooLargeException(long bytes) {
        super("clipboard text of " + bytes + " bytes is over the limit of " + ClipboardText.MAX_BYTES + " bytes");
        this.bytes = bytes;
    }

    public long bytes() {
        return bytes;
    }
}
