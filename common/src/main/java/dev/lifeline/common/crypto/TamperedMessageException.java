package dev.lifeline.common.crypto;

/** The GCM tag did not verify: the ciphertext, counter or key is not what the sender used. */
public final class TamperedMessageException extends SealedMessageRejectedException {
    private static final long serialVersionUID = 1L;

    public TamperedMessageException(long counter) {
        super("sealed message failed authentication at counter " + Long.toUnsignedString(counter), counter);
    }
}
