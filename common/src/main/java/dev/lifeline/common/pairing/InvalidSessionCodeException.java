package dev.lifeline.common.pairing;

/** What someone typed or received is not a well-formed session code. */
public final class InvalidSessionCodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSessionCodeException(String message) {
        super(message);
    }
}
