package dev.lifeline.common.transfer;

import dev.lifeline.common.wire.e2e.TransferErrorCode;

/** Why a transfer did not end with the file saved. Travels as {@link TransferErrorCode}. */
public enum TransferError {
    CANCELLED,
    DECLINED,
    /** The whole file's SHA-256 differs from the offer's: nothing is kept. */
    CHECKSUM_MISMATCH,
    /** A chunk failed its checksum more often than {@link TransferLimits#MAX_RESENDS}. */
    CHUNK_CORRUPT,
    /** The peer broke the protocol: out of order, wrong sizes, unknown transfer. */
    PROTOCOL,
    TOO_LARGE,
    TOO_MANY_TRANSFERS,
    BAD_NAME,
    IO_ERROR,
    /** The customer took the capability back. */
    NOT_GRANTED,
    SESSION_ENDED,
    /** The file changed on disk while it was being sent. */
    SOURCE_CHANGED;

    public TransferErrorCode toWire() {
        return TransferErrorCode.valueOf(name());
    }

    /** Unknown codes from a newer peer read as {@link #PROTOCOL}. */
    public static TransferError fromWire(TransferErrorCode code) {
        return switch (code) {
            case TRANSFER_ERROR_UNSPECIFIED, UNRECOGNIZED -> PROTOCOL;
            default -> valueOf(code.name());
        };
    }

    /** Whether trying again later can help (a retry resumes from what the receiver holds). */
    public boolean retryable() {
        return switch (this) {
            case IO_ERROR, SESSION_ENDED, CHUNK_CORRUPT, CHECKSUM_MISMATCH, SOURCE_CHANGED, PROTOCOL -> true;
            default -> false;
        };
    }
}
