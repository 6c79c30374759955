package dev.lifeline.client.control;

import java.util.Map;

/** Opens an {@link InputInjector} when the customer grants control, not before. */
@FunctionalInterface
public interface InputInjectors {
    InputInjector open() throws InjectionException;

    /** The real desktop through AWT Robot; refused with a reason where Robot cannot inject. */
    static InputInjectors robot() {
        return () -> RobotInputInjector.open(System.getenv());
    }

    /** For machines that must never be controlled (and tests of the refusal path). */
    static InputInjectors unavailable(String reason) {
        return () -> {
            throw new InjectionException(reason);
        };
    }

    /** AWT Robot, deciding availability from the environment given (tests of the Wayland refusal). */
    static InputInjectors robot(Map<String, String> environment) {
        return () -> RobotInputInjector.open(environment);
    }
}
