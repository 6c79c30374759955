package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseInputListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseWheelEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseWheelListener;
import dev.lifeline.client.control.LocalInputWatch;

/** The customer's own mouse and keyboard, seen through the global hook, for "local user first". */
public final class NativeLocalInputWatch implements LocalInputWatch {
    private final NativeHook hook;

    public NativeLocalInputWatch(NativeHook hook) {
        this.hook = hook;
    }

    @Override
    public AutoCloseable watch(Listener listener) {
        if (!hook.start().isEmpty()) {
            return () -> { };
        }
        Forwarder forwarder = new Forwarder(listener);
        GlobalScreen.addNativeMouseListener(forwarder);
        GlobalScreen.addNativeMouseMotionListener(forwarder);
        GlobalScreen.addNativeMouseWheelListener(forwarder);
        GlobalScreen.addNativeKeyListener(forwarder);
        return () -> {
            GlobalScreen.removeNativeMouseListener(forwarder);
            GlobalScreen.removeNativeMouseMotionListener(forwarder);
            GlobalScreen.removeNativeMouseWheelListener(forwarder);
            GlobalScreen.removeNativeKeyListener(forwarder);
        };
    }

    @Override
    public String unavailableReason() {
        return hook.start();
    }

    private static final class Forwarder implements NativeMouseInputListener, NativeMouseWheelListener, NativeKeyListener {
        private final Listener listener;

        Forwarder(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void nativeMouseMoved(NativeMouseEvent e) {
            listener.mouseMoved(e.getX(), e.getY());
        }

        @Override
        public void nativeMouseDragged(NativeMouseEvent e) {
            listener.mouseMoved(e.getX(), e.getY());
        }

        @Override
        public void nativeMousePressed(NativeMouseEvent e) {
            listener.mouseButton();
        }

        @Override
        public void nativeMouseReleased(NativeMouseEvent e) {
            listener.mouseButton();
        }

        @Override
        public void nativeMouseWheelMoved(NativeMouseWheelEvent e) {
            listener.mouseWheel();
        }

        @Override
        public void nativeKeyPressed(NativeKeyEvent e) {
            listener.key();
        }

        @Override
        public void nativeKeyReleased(NativeKeyEvent e) {
            listener.key();
        }
    }
}
