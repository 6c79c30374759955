package dev.lifeline.common.crypto;

import java.security.GeneralSecurityException;

/** A sealed message was refused; the opener's counter did not move. */
public abstract class SealedMessageRejectedException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    private final long counter;

    protected SealedMessageRejectedException(String message, long counter) {
        super(message);
        this.counter = counter;
    }

    /** The counter the message carried (unsigned). */
    public long counter() {
        return counter;
    }
}
