package dev.lifeline.common.crypto;

/** An HPKE-sealed blob did not open: another recipient key, or altered bytes. */
public final class UnsealingFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsealingFailedException(String message) {
        super(message);
    }
}
