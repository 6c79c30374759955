package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * A global key combination such as the panic key, Ctrl+Alt+Shift+End by default: modifiers plus
 * one jnativehook key ({@code NativeKeyEvent.VC_*}).
 */
public record Hotkey(boolean ctrl, boolean alt, boolean shift, boolean meta, int keyCode, String keyName) {
    public static final Hotkey PANIC_DEFAULT = parse("Ctrl+Alt+Shift+End");

    /**
     * Reads "Ctrl+Alt+Shift+End", "ctrl+shift+f12", ...: modifiers Ctrl, Alt, Shift, Meta (or Win,
     * Cmd), then one key named as jnativehook names it (End, F12, Pause, Delete, A...).
     *
     * @throws IllegalArgumentException for an unknown key or a key without a modifier
     */
    public static Hotkey parse(String text) {
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        boolean meta = false;
        String key = null;
        for (String part : text.split("\\+")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            switch (p) {
                case "ctrl", "control" -> ctrl = true;
                case "alt" -> alt = true;
                case "shift" -> shift = true;
                case "meta", "win", "windows", "cmd", "super" -> meta = true;
                default -> {
                    if (key != null || p.isEmpty()) {
                        throw new IllegalArgumentException("a hotkey has one key besides its modifiers: " + text);
                    }
                    key = p;
                }
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("no key in hotkey " + text);
        }
        if (!ctrl && !alt && !meta) {
            throw new IllegalArgumentException("a global hotkey needs Ctrl, Alt or Meta, or typing would trigger it: " + text);
        }
        int code = keyCode(key);
        String name = NativeKeyEvent.getKeyText(code);
        return new Hotkey(ctrl, alt, shift, meta, code, name == null || name.isBlank() || name.startsWith("Unknown") ? key : name);
    }

    private static int keyCode(String key) {
        String wanted = "VC_" + key.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Field f : NativeKeyEvent.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().equals(wanted)) {
                try {
                    return f.getInt(null);
                } catch (IllegalAccessException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("unknown key: " + key);
    }

    /** A key press with these modifiers held: is it this hotkey? (Extra modifiers do not spoil it.) */
    public boolean matches(int pressedKey, int nativeModifiers) {
        return pressedKey == keyCode
                && (!ctrl || (nativeModifiers & NativeKeyEvent.CTRL_MASK) != 0)
                && (!alt || (nativeModifiers & NativeKeyEvent.ALT_MASK) != 0)
                && (!shift || (nativeModifiers & NativeKeyEvent.SHIFT_MASK) != 0)
                && (!meta || (nativeModifiers & NativeKeyEvent.META_MASK) != 0);
    }

    /** "Ctrl+Alt+Shift+End", as the banner shows it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        if (ctrl) {
            b.append("Ctrl+");
        }
        if (alt) {
            b.append("Alt+");
        }
        if (shift) {
            b.append("Shift+");
        }
        if (meta) {
            b.append("Meta+");
        }
        return b.append(keyName).toString();
    }
}
