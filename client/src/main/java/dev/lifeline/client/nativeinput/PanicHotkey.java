package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;

/**
 * The customer's panic key: a global hotkey that works whichever window has the focus, even while
 * the technician moves the mouse. It only calls {@code action} (Get Help's revoke-and-pause, which
 * goes through the consent path); a key press the technician injects can do no more than that.
 */
public final class PanicHotkey implements NativeKeyListener {
    private final Hotkey hotkey;
    private final Runnable action;

    public PanicHotkey(Hotkey hotkey, Runnable action) {
        this.hotkey = hotkey;
        this.action = action;
    }

    /**
     * Starts listening through {@code hook}. Returns empty when the hotkey is live, else why not
     * (the banner then points to the button instead).
     */
    public static String install(NativeHook hook, Hotkey hotkey, Runnable action) {
        String unavailable = hook.start();
        if (unavailable.isEmpty()) {
            GlobalScreen.addNativeKeyListener(new PanicHotkey(hotkey, action));
        }
        return unavailable;
    }

    /** Stops listening (tests; the apps keep theirs for their lifetime). */
    public static void uninstall(PanicHotkey installed) {
        GlobalScreen.removeNativeKeyListener(installed);
    }

    /** As {@link #install}, returning the listener so it can be removed; null when the hook cannot run. */
    public static PanicHotkey installed(NativeHook hook, Hotkey hotkey, Runnable action) {
        if (!hook.start().isEmpty()) {
            return null;
        }
        PanicHotkey listener = new PanicHotkey(hotkey, action);
        GlobalScreen.addNativeKeyListener(listener);
        return listener;
    }

    /** What the hook calls for every key press (also what tests call): runs the action on a match. */
    public void pressed(int keyCode, int modifiers) {
        if (hotkey.matches(keyCode, modifiers)) {
            action.run();
        }
    }

    @Override
    public void nativeKeyPressed(NativeKeyEvent e) {
        pressed(e.getKeyCode(), e.getModifiers());
    }
}
