package dev.lifeline.common.crypto;

/** The message's counter was already used (or is zero): a replay. */
public final class ReplayedMessageException extends SealedMessageRejectedException {
    private static final long serialVersionUID = 1L;

    public ReplayedMessageException(long counter, long expected) {
        super("replayed message: counter " + Long.toUnsignedString(counter)
                + ", expected " + Long.toUnsignedString(expected), counter);
    }
}
