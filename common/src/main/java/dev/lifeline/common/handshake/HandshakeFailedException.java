package dev.lifeline.common.handshake;

import dev.lifeline.common.wire.e2e.HandshakeAbort;
import dev.lifeline.common.wire.e2e.HandshakeMessage;

/** The handshake stopped; the session must not continue and there is no fallback. */
public final class HandshakeFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** J-PAKE key confirmation failed: the two ends used different 6-digit secrets. */
        WRONG_CODE,
        /** The technician's transcript signature does not verify with its certificate key. */
        BAD_SIGNATURE,
        /** The secrets agree but the transcripts differ: a message was altered in flight. */
        BAD_FINISHED_MAC,
        /** A message could not be decoded or carried invalid values (points, proofs, lengths). */
        MALFORMED_MESSAGE,
        /** A valid message arrived at the wrong time (second Hello, Finished before round 2, ...). */
        UNEXPECTED_MESSAGE,
        /** The peer sent HandshakeAbort. */
        ABORTED_BY_PEER
    }

    private final Reason reason;
    private final boolean codeAttemptSpent;

    HandshakeFailedException(Reason reason, String message, boolean codeAttemptSpent) {
        this(reason, message, codeAttemptSpent, null);
    }

    HandshakeFailedException(Reason reason, String message, boolean codeAttemptSpent, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
        this.codeAttemptSpent = codeAttemptSpent;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * True when this end had already sent its Finished: the peer then held one key-confirmation
     * tag and could test one guess of the secret, whatever it did afterwards (wrong tag, abort,
     * garbage). The customer app counts these, not only {@link Reason#WRONG_CODE}, towards the
     * three attempts that burn a code.
     */
    public boolean codeAttemptSpent() {
        return codeAttemptSpent;
    }

    /** What to tell the peer; carries the reason name only, never secrets. */
    public HandshakeMessage abortMessage() {
        return HandshakeMessage.newBuilder()
                .setAbort(HandshakeAbort.newBuilder().setReason(reason.name()))
                .build();
    }
}
