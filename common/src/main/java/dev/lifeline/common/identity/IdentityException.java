package dev.lifeline.common.identity;

/** Loading or saving an organisation CA, technician identity, root or recording key failed. */
public abstract class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    protected IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
