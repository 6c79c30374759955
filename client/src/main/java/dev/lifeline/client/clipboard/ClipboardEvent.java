package dev.lifeline.client.clipboard;

/**
 * Something the clipboard did in a session, as the people are told: sizes, never the text.
 * {@code bytes} is the text's size in UTF-8 (or the refused size for TOO_LARGE).
 */
public record ClipboardEvent(Kind kind, long bytes) {
    public enum Kind {
        /** Customer: the technician put text on your clipboard. */
        PUT_BY_TECHNICIAN,
        /** Customer: the technician copied your clipboard. Technician: the customer's text arrived. */
        READ_BY_TECHNICIAN,
        /** Technician: our text is on the way to the customer's clipboard. */
        SENT_TO_CUSTOMER,
        /** Over the 1 MiB limit: nothing was sent or applied. */
        TOO_LARGE,
        /** The clipboard holds no text. */
        EMPTY,
        /** No clipboard on the customer's machine. */
        UNAVAILABLE
    }
}
