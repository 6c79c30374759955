package dev.lifeline.common.transfer;

/** A transfer step that cannot be taken; the transfer's {@link TransferError} says why. */
public final class TransferException extends Exception {
    private final TransferError error;

    public TransferException(TransferError error, String message) {
        super(message);
        this.error = error;
    }

    public TransferError error() {
        return error;
    }
}
