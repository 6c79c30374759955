package dev.lifeline.common.identity;

/** The file or bytes are not what was expected: no certificate, no key, a key that does not match, or garbage. */
public final class NotAnIdentityException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public NotAnIdentityException(String message) {
        super(message, null);
    }

    public NotAnIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
