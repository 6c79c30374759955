package dev.lifeline.client.control;

import java.util.function.Consumer;

/**
 * Catches the keys the technician's own desktop would act on (Alt+Tab, the Windows key, Ctrl+Esc)
 * while the Console's picture has the focus, so they can go to the customer instead. A global hook
 * (see {@code nativeinput}); where none is possible the Console says so and offers its Keys menu.
 */
public interface SystemKeyCapture {
    /** Starts capturing; each combination goes to {@code sink} on the hook's thread. Closing stops it. */
    AutoCloseable capture(Consumer<SystemCombo> sink);

    /**
     * Empty when keys are captured and kept from the technician's own desktop; otherwise the
     * limitation, shown in the Console (no hook at all, or the local desktop acts on them too).
     */
    String unavailableReason();

    /** True when combinations are delivered to the sink at all. */
    boolean captures();

    SystemKeyCapture NONE = new SystemKeyCapture() {
        @Override
        public AutoCloseable capture(Consumer<SystemCombo> sink) {
            return () -> { };
        }

        @Override
        public String unavailableReason() {
            return "no input hook";
        }

        @Override
        public boolean captures() {
            return false;
        }
    };
}
