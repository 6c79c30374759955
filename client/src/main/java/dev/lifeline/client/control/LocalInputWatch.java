package dev.lifeline.client.control;

/**
 * Tells remote control when the person at the customer's machine uses their own mouse or keyboard
 * (a global hook; see {@code nativeinput}). It reports every event it sees, including the ones
 * remote control injected itself; {@link InjectionEcho} tells them apart.
 */
public interface LocalInputWatch {
    /** Called on the hook's thread. */
    interface Listener {
        /** The pointer is now at this desktop position. */
        void mouseMoved(int x, int y);

        void mouseButton();

        void mouseWheel();

        void key();
    }

    /** Starts reporting to {@code listener}; closing the result stops it. */
    AutoCloseable watch(Listener listener);

    /** Empty when local input can be seen; otherwise why not (shown to the customer). */
    String unavailableReason();

    /** No hook (headless, Wayland, tests): remote input is never paused for local input. */
    LocalInputWatch NONE = new LocalInputWatch() {
        @Override
        public AutoCloseable watch(Listener listener) {
            return () -> { };
        }

        @Override
        public String unavailableReason() {
            return "no input hook";
        }
    };
}
