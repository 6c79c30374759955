package dev.lifeline.client.control;

/** This machine cannot apply an input (or any input at all); the reason is for the people involved. */
public final class InjectionException extends Exception {
    public InjectionException(String message) {
        super(message);
    }

    public InjectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
