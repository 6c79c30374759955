package dev.lifeline.common.identity;

/** The identity, root or key file does not exist. */
public final class IdentityFileNotFoundException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public IdentityFileNotFoundException(String message) {
        super(message, null);
    }

    public IdentityFileNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
