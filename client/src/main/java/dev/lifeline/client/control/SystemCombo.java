package dev.lifeline.client.control;

import java.awt.event.KeyEvent;
import java.util.List;

/**
 * Key combinations a technician's own machine would swallow, sent from the Console's menu and
 * pressed and released as a whole on the customer's machine. Ctrl+Alt+Del is the Windows secure
 * attention sequence: injected input cannot trigger it there (only a service can), elsewhere it is
 * an ordinary combination.
 */
public enum SystemCombo {
    CTRL_ALT_DEL(KeyEvent.VK_CONTROL, KeyEvent.VK_ALT, KeyEvent.VK_DELETE),
    ALT_TAB(KeyEvent.VK_ALT, KeyEvent.VK_TAB),
    WINDOWS(KeyEvent.VK_WINDOWS),
    CTRL_ESC(KeyEvent.VK_CONTROL, KeyEvent.VK_ESCAPE),
    ALT_F4(KeyEvent.VK_ALT, KeyEvent.VK_F4),
    CTRL_SHIFT_ESC(KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT, KeyEvent.VK_ESCAPE);

    private final List<Integer> keys;

    SystemCombo(Integer... keys) {
        this.keys = List.of(keys);
    }

    /** Pressed in this order, released in reverse. */
    public List<Integer> keys() {
        return keys;
    }
}
