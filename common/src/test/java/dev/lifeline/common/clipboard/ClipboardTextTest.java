package dev.lifeline.common.clipboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClipboardTextTest {
    @Test
    void theLimitIsBytesOfUtf8() throws ClipboardTooLargeException {
        assertEquals(ClipboardText.MAX_BYTES, ClipboardText.of("a".repeat(ClipboardText.MAX_BYTES)).utf8Bytes());
        ClipboardTooLargeException e = assertThrows(ClipboardTooLargeException.class,
                () -> ClipboardText.of("ü".repeat(ClipboardText.MAX_BYTES / 2 + 1)));
        assertEquals(ClipboardText.MAX_BYTES + 2, e.bytes());
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : new String[] {"", "abc", "grüße", "日本", "emoji 😀 and 𝄞"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ClipboardText.utf8Length(s), s);
        }
    }

    @Test
    void toStringNeverShowsTheContent() throws ClipboardTooLargeException {
        ClipboardText text = ClipboardText.of("password hunter2");
        assertFalse(text.toString().contains("hunter2"));
        assertEquals(16, text.characters());
    }
}
