package dev.lifeline.common.bundle;

/** An organisation bundle that cannot be used: unreadable, out of bounds, or not signed by its organisation. */
public final class InvalidBundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
