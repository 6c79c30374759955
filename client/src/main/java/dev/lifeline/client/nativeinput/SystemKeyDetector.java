package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import dev.lifeline.client.control.SystemCombo;
import java.util.Optional;

/**
 * Recognises the system combinations in a stream of key presses and releases: Alt+Tab,
 * Ctrl+Esc, Ctrl+Shift+Esc, and the Windows key pressed and released on its own.
 */
final class SystemKeyDetector {
    private boolean metaAlone;

    Optional<SystemCombo> pressed(int keyCode, int modifiers) {
        boolean ctrl = (modifiers & NativeKeyEvent.CTRL_MASK) != 0;
        boolean alt = (modifiers & NativeKeyEvent.ALT_MASK) != 0;
        boolean shift = (modifiers & NativeKeyEvent.SHIFT_MASK) != 0;
        if (keyCode == NativeKeyEvent.VC_META) {
            metaAlone = true;
            return Optional.empty();
        }
        metaAlone = false;
        if (keyCode == NativeKeyEvent.VC_TAB && alt) {
            return Optional.of(SystemCombo.ALT_TAB);
        }
        if (keyCode == NativeKeyEvent.VC_ESCAPE && ctrl) {
            return Optional.of(shift ? SystemCombo.CTRL_SHIFT_ESC : SystemCombo.CTRL_ESC);
        }
        return Optional.empty();
    }

    Optional<SystemCombo> released(int keyCode) {
        if (keyCode == NativeKeyEvent.VC_META && metaAlone) {
            metaAlone = false;
            return Optional.of(SystemCombo.WINDOWS);
        }
        return Optional.empty();
    }
}
