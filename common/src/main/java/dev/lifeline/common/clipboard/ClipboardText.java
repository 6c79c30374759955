package dev.lifeline.common.clipboard;

import java.util.Objects;

/** Clipboard text within the limit both ends hold to. Its content is never logged (no toString). */
public final class ClipboardText {
    /** 1 MiB of UTF-8: a long log excerpt fits, a disk image does not. */
    public static final int MAX_BYTES = 1 << 20;

    private final String text;
    private final int utf8Bytes;

    private ClipboardText(String text, int utf8Bytes) {
        this.text = text;
        this.utf8Bytes = utf8Bytes;
    }

    /** @throws ClipboardTooLargeException beyond {@link #MAX_BYTES} */
    public static ClipboardText of(String text) throws ClipboardTooLargeException {
        Objects.requireNonNull(text);
        long bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            throw new ClipboardTooLargeException(bytes);
        }
        return new ClipboardText(text, (int) bytes);
    }

    /** Counts without encoding (a clipboard may hold far more than the limit). */
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public String text() {
        return text;
    }

    public int utf8Bytes() {
        return utf8Bytes;
    }

    public int characters() {
        return text.codePointCount(0, text.length());
    }

    @Override
    public String toString() {
        return "ClipboardText[" + utf8Bytes + " bytes]";
    }
}
