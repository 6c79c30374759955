package dev.lifeline.client.control;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which key (and whether Shift) types a character. AWT Robot presses keys, not characters: letters,
 * digits and the symbols of a US keyboard are mapped here; other characters go by the extended key
 * code AWT knows for them, which works where the customer's layout has that character on a key of
 * its own. Characters the keyboard cannot type are refused, not replaced.
 */
final class TextStrokes {
    record Stroke(int keyCode, boolean shift) {
    }

    private static final Map<Integer, Stroke> SYMBOLS = new HashMap<>();

    static {
        plain(' ', KeyEvent.VK_SPACE);
        plain('\n', KeyEvent.VK_ENTER);
        plain('\t', KeyEvent.VK_TAB);
        plain('-', KeyEvent.VK_MINUS);
        plain('=', KeyEvent.VK_EQUALS);
        plain('[', KeyEvent.VK_OPEN_BRACKET);
        plain(']', KeyEvent.VK_CLOSE_BRACKET);
        plain('\\', KeyEvent.VK_BACK_SLASH);
        plain(';', KeyEvent.VK_SEMICOLON);
        plain('\'', KeyEvent.VK_QUOTE);
        plain(',', KeyEvent.VK_COMMA);
        plain('.', KeyEvent.VK_PERIOD);
        plain('/', KeyEvent.VK_SLASH);
        plain('`', KeyEvent.VK_BACK_QUOTE);
        String shiftedDigits = ")!@#$%^&*(";
        for (int i = 0; i < 10; i++) {
            shifted(shiftedDigits.charAt(i), KeyEvent.VK_0 + i);
        }
        shifted('_', KeyEvent.VK_MINUS);
        shifted('+', KeyEvent.VK_EQUALS);
        shifted('{', KeyEvent.VK_OPEN_BRACKET);
        shifted('}', KeyEvent.VK_CLOSE_BRACKET);
        shifted('|', KeyEvent.VK_BACK_SLASH);
        shifted(':', KeyEvent.VK_SEMICOLON);
        shifted('"', KeyEvent.VK_QUOTE);
        shifted('<', KeyEvent.VK_COMMA);
        shifted('>', KeyEvent.VK_PERIOD);
        shifted('?', KeyEvent.VK_SLASH);
        shifted('~', KeyEvent.VK_BACK_QUOTE);
    }

    private TextStrokes() {
    }

    private static void plain(char c, int key) {
        SYMBOLS.put((int) c, new Stroke(key, false));
    }

    private static void shifted(char c, int key) {
        SYMBOLS.put((int) c, new Stroke(key, true));
    }

    static Optional<Stroke> forChar(int c) {
        if (c >= 'a' && c <= 'z') {
            return Optional.of(new Stroke(KeyEvent.VK_A + (c - 'a'), false));
        }
        if (c >= 'A' && c <= 'Z') {
            return Optional.of(new Stroke(KeyEvent.VK_A + (c - 'A'), true));
        }
        if (c >= '0' && c <= '9') {
            return Optional.of(new Stroke(KeyEvent.VK_0 + (c - '0'), false));
        }
        Stroke symbol = SYMBOLS.get(c);
        if (symbol != null) {
            return Optional.of(symbol);
        }
        int extended = KeyEvent.getExtendedKeyCodeForChar(c);
        return extended == KeyEvent.VK_UNDEFINED ? Optional.empty() : Optional.of(new Stroke(extended, false));
    }
}
