package dev.lifeline.common.crypto;

/** The message skipped ahead: one or more earlier messages were dropped or reordered. */
public final class OutOfOrderMessageException extends SealedMessageRejectedException {
    private static final long serialVersionUID = 1L;

    public OutOfOrderMessageException(long counter, long expected) {
        super("out-of-order message: counter " + Long.toUnsignedString(counter)
                + ", expected " + Long.toUnsignedString(expected), counter);
    }
}
