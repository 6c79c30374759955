package dev.lifeline.client.control;

import java.awt.event.KeyEvent;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a technician may press on the customer's machine, as {@code java.awt.event.KeyEvent}
 * VK codes (JavaFX's {@code KeyCode#getCode()} uses the same numbers). Anything else is refused:
 * no guessing what an unknown number would do on the customer's keyboard.
 */
public final class KeyCodes {
    private static final Set<Integer> ALLOWED = build();

    private KeyCodes() {
    }

    private static Set<Integer> build() {
        Set<Integer> keys = new TreeSet<>();
        for (int k = KeyEvent.VK_A; k <= KeyEvent.VK_Z; k++) {
            keys.add(k);
        }
        for (int k = KeyEvent.VK_0; k <= KeyEvent.VK_9; k++) {
            keys.add(k);
        }
        for (int k = KeyEvent.VK_NUMPAD0; k <= KeyEvent.VK_NUMPAD9; k++) {
            keys.add(k);
        }
        for (int k = KeyEvent.VK_F1; k <= KeyEvent.VK_F12; k++) {
            keys.add(k);
        }
        for (int k = KeyEvent.VK_F13; k <= KeyEvent.VK_F24; k++) {
            keys.add(k);
        }
        keys.addAll(Set.of(
                KeyEvent.VK_ENTER, KeyEvent.VK_BACK_SPACE, KeyEvent.VK_TAB, KeyEvent.VK_ESCAPE, KeyEvent.VK_SPACE,
                KeyEvent.VK_DELETE, KeyEvent.VK_INSERT, KeyEvent.VK_HOME, KeyEvent.VK_END, KeyEvent.VK_PAGE_UP,
                KeyEvent.VK_PAGE_DOWN, KeyEvent.VK_LEFT, KeyEvent.VK_RIGHT, KeyEvent.VK_UP, KeyEvent.VK_DOWN,
                KeyEvent.VK_SHIFT, KeyEvent.VK_CONTROL, KeyEvent.VK_ALT, KeyEvent.VK_ALT_GRAPH, KeyEvent.VK_META,
                KeyEvent.VK_WINDOWS, KeyEvent.VK_CONTEXT_MENU, KeyEvent.VK_CAPS_LOCK, KeyEvent.VK_NUM_LOCK,
                KeyEvent.VK_SCROLL_LOCK, KeyEvent.VK_PRINTSCREEN, KeyEvent.VK_PAUSE,
                KeyEvent.VK_MULTIPLY, KeyEvent.VK_ADD, KeyEvent.VK_SUBTRACT, KeyEvent.VK_DECIMAL, KeyEvent.VK_DIVIDE,
                KeyEvent.VK_SEPARATOR, KeyEvent.VK_COMMA, KeyEvent.VK_PERIOD, KeyEvent.VK_SLASH, KeyEvent.VK_SEMICOLON,
                KeyEvent.VK_EQUALS, KeyEvent.VK_OPEN_BRACKET, KeyEvent.VK_BACK_SLASH, KeyEvent.VK_CLOSE_BRACKET,
                KeyEvent.VK_MINUS, KeyEvent.VK_QUOTE, KeyEvent.VK_BACK_QUOTE));
        return Set.copyOf(keys);
    }

    public static boolean isAllowed(int keyCode) {
        return ALLOWED.contains(keyCode);
    }

    public static Set<Integer> allowed() {
        return ALLOWED;
    }

    /** Modifier keys: held while other keys are pressed, and kept out of typed text. */
    public static boolean isModifier(int keyCode) {
        return keyCode == KeyEvent.VK_SHIFT || keyCode == KeyEvent.VK_CONTROL || keyCode == KeyEvent.VK_ALT
                || keyCode == KeyEvent.VK_ALT_GRAPH || keyCode == KeyEvent.VK_META || keyCode == KeyEvent.VK_WINDOWS;
    }
}
