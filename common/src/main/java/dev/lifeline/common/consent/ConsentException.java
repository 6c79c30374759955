package dev.lifeline.common.consent;

/** A consent transition that the ledger does not allow; the ledger is unchanged (see {@link Reason}). */
public final class ConsentException extends RuntimeException {
    public enum Reason {
        /** Already asked and not answered yet. */
        ALREADY_ASKED,
        /** Already granted: nothing to ask or answer. */
        ALREADY_GRANTED,
        /** Asked again too soon after a denial. */
        ASKED_TOO_SOON,
        /** Denied too often in this session: no more requests. */
        TOO_MANY_DENIALS,
        /** An answer without a pending request. */
        NOT_ASKED,
        /** A revocation of something not granted or asked. */
        NOT_GRANTED
    }

    private final Capability capability;
    private final Reason reason;

    public ConsentException(Capability capability, Reason reason, String message) {
        super(message);
        this.capability = capability;
        this.reason = reason;
    }

    public Capability capability() {
        return capability;
    }

    public Reason reason() {
        return reason;
    }
}
