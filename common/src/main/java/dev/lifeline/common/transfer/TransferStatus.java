package dev.lifeline.common.transfer;

/**
 * One transfer as the people see it, on either end: which way, the (sanitised) name, how far,
 * how it ended. {@code error} is null unless FAILED or CANCELLED.
 */
public record TransferStatus(long id, Direction direction, String name, long size, long bytesDone,
                             TransferState state, TransferError error, String detail, String savedAs) {
    public enum Direction {
        /** This end sends. */
        OUTGOING,
        /** This end receives. */
        INCOMING
    }

    /** 0..1. */
    public double fraction() {
        return size == 0 ? (state == TransferState.COMPLETED ? 1 : 0) : (double) bytesDone / size;
    }
}
