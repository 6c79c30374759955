package dev.lifeline.common.transfer;

/** Where one transfer stands, the same words on both ends. */
public enum TransferState {
    /** Offered, waiting for the receiver to accept or decline. */
    OFFERED,
    /** Chunks are flowing. */
    RUNNING,
    /** Every byte is there; the receiver checks the SHA-256 and moves the file into place. */
    VERIFYING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
