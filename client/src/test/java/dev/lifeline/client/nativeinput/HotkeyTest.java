package dev.lifeline.client.nativeinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import dev.lifeline.client.control.SystemCombo;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The panic hotkey and system-key recognition, fed key events as the hook delivers them. */
class HotkeyTest {
    private static final int CTRL_ALT_SHIFT = NativeKeyEvent.CTRL_L_MASK | NativeKeyEvent.ALT_L_MASK | NativeKeyEvent.SHIFT_L_MASK;

    @Test
    void theDefaultPanicKeyIsCtrlAltShiftEnd() {
        Hotkey panic = Hotkey.PANIC_DEFAULT;
        assertEquals("Ctrl+Alt+Shift+End", panic.text());
        assertTrue(panic.matches(NativeKeyEvent.VC_END, CTRL_ALT_SHIFT));
        assertTrue(panic.matches(NativeKeyEvent.VC_END, NativeKeyEvent.CTRL_R_MASK | NativeKeyEvent.ALT_R_MASK
                | NativeKeyEvent.SHIFT_R_MASK), "right-hand modifiers count");
        assertTrue(panic.matches(NativeKeyEvent.VC_END, CTRL_ALT_SHIFT | NativeKeyEvent.META_L_MASK), "an extra modifier does not spoil it");
        assertFalse(panic.matches(NativeKeyEvent.VC_END, NativeKeyEvent.CTRL_L_MASK | NativeKeyEvent.ALT_L_MASK));
        assertFalse(panic.matches(NativeKeyEvent.VC_HOME, CTRL_ALT_SHIFT));
    }

    @Test
    void otherHotkeysParseAndNonsenseIsRefused() {
        Hotkey f12 = Hotkey.parse("ctrl + shift + F12");
        assertTrue(f12.matches(NativeKeyEvent.VC_F12, NativeKeyEvent.CTRL_L_MASK | NativeKeyEvent.SHIFT_L_MASK));
        assertThrows(IllegalArgumentException.class, () -> Hotkey.parse("Shift+End"), "typing would trigger it");
        assertThrows(IllegalArgumentException.class, () -> Hotkey.parse("Ctrl+Alt+Banana"));
        assertThrows(IllegalArgumentException.class, () -> Hotkey.parse("Ctrl+A+B"));
        assertThrows(IllegalArgumentException.class, () -> Hotkey.parse("Ctrl+Alt"));
    }

    @Test
    void thePanicListenerRunsItsActionOnlyOnTheHotkey() {
        AtomicInteger panics = new AtomicInteger();
        PanicHotkey listener = new PanicHotkey(Hotkey.PANIC_DEFAULT, panics::incrementAndGet);
        listener.pressed(NativeKeyEvent.VC_END, 0);
        listener.pressed(NativeKeyEvent.VC_CONTROL, NativeKeyEvent.CTRL_L_MASK);
        assertEquals(0, panics.get());
        listener.pressed(NativeKeyEvent.VC_END, CTRL_ALT_SHIFT);
        assertEquals(1, panics.get());
    }

    @Test
    void systemCombinationsAreRecognised() {
        SystemKeyDetector d = new SystemKeyDetector();
        assertEquals(Optional.of(SystemCombo.ALT_TAB), d.pressed(NativeKeyEvent.VC_TAB, NativeKeyEvent.ALT_L_MASK));
        assertEquals(Optional.empty(), d.pressed(NativeKeyEvent.VC_TAB, 0));
        assertEquals(Optional.of(SystemCombo.CTRL_ESC), d.pressed(NativeKeyEvent.VC_ESCAPE, NativeKeyEvent.CTRL_L_MASK));
        assertEquals(Optional.of(SystemCombo.CTRL_SHIFT_ESC),
                d.pressed(NativeKeyEvent.VC_ESCAPE, NativeKeyEvent.CTRL_L_MASK | NativeKeyEvent.SHIFT_L_MASK));
        assertEquals(Optional.empty(), d.pressed(NativeKeyEvent.VC_META, NativeKeyEvent.META_L_MASK));
        assertEquals(Optional.of(SystemCombo.WINDOWS), d.released(NativeKeyEvent.VC_META), "the Windows key on its own");
        d.pressed(NativeKeyEvent.VC_META, NativeKeyEvent.META_L_MASK);
        d.pressed(NativeKeyEvent.VC_E, NativeKeyEvent.META_L_MASK);
        assertEquals(Optional.empty(), d.released(NativeKeyEvent.VC_META), "Win+E is not the Windows key alone");
    }

    @Test
    void noHookWithoutADisplayOrOnPureWayland() {
        assertEquals("no display", NativeHook.whyImpossible(Map.of("DISPLAY", ":0"), true));
        assertEquals("Wayland does not allow global key hooks",
                NativeHook.whyImpossible(Map.of("XDG_SESSION_TYPE", "wayland"), false));
        assertEquals(null, NativeHook.whyImpossible(Map.of("XDG_SESSION_TYPE", "wayland", "DISPLAY", ":0"), false));
    }
}
