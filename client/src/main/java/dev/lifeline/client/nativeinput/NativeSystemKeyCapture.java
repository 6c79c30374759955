package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import dev.lifeline.client.control.SystemCombo;
import dev.lifeline.client.control.SystemKeyCapture;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Console's system keys through the global hook. On Windows and macOS jnativehook can also
 * keep the combination from the technician's own desktop (its "reserved" flag); on X11 the local
 * window manager sees it too, so the Console recommends its Keys menu there.
 */
public final class NativeSystemKeyCapture implements SystemKeyCapture {
    private final NativeHook hook;

    public NativeSystemKeyCapture(NativeHook hook) {
        this.hook = hook;
    }

    @Override
    public AutoCloseable capture(Consumer<SystemCombo> sink) {
        if (!hook.start().isEmpty()) {
            return () -> { };
        }
        SystemKeyDetector detector = new SystemKeyDetector();
        NativeKeyListener listener = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent e) {
                Optional<SystemCombo> combo = detector.pressed(e.getKeyCode(), e.getModifiers());
                combo.ifPresent(c -> {
                    consume(e);
                    sink.accept(c);
                });
            }

            @Override
            public void nativeKeyReleased(NativeKeyEvent e) {
                detector.released(e.getKeyCode()).ifPresent(c -> {
                    consume(e);
                    sink.accept(c);
                });
            }
        };
        GlobalScreen.addNativeKeyListener(listener);
        return () -> GlobalScreen.removeNativeKeyListener(listener);
    }

    @Override
    public String unavailableReason() {
        String why = hook.start();
        if (!why.isEmpty()) {
            return why;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") || os.contains("mac") ? "" : "this desktop acts on them too";
    }

    @Override
    public boolean captures() {
        return hook.start().isEmpty();
    }

    /** jnativehook's documented way to swallow an event: its private "reserved" flag (Windows, macOS). */
    private static void consume(NativeInputEvent e) {
        try {
            Field reserved = NativeInputEvent.class.getDeclaredField("reserved");
            reserved.setAccessible(true);
            reserved.setShort(e, (short) 0x01);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // not possible here: the local desktop sees the key as well
        }
    }
}
