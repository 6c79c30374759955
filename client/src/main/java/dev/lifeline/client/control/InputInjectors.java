package dev.lifeline.client.control;

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
}
