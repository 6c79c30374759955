package dev.lifeline.common.identity;

/** The identity's certificate is past its notAfter date. */
public final class IdentityExpiredException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public IdentityExpiredException(String message) {
        super(message, null);
    }

    public IdentityExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
