package dev.lifeline.client.handover;

/**
 * Technician B: technician A offers a session (transfer) or invites B to watch it, with the
 * customer's problem as the queue had it and A's note (both may be empty).
 */
public record HandoverOfferInfo(byte[] offerId, HandoverEvent.Kind kind, String fromTechnician, String customerName,
                                long expiresAtMs, String problem, String note) {
    public HandoverOfferInfo {
        offerId = offerId.clone();
        problem = problem == null ? "" : problem;
        note = note == null ? "" : note;
    }

    @Override
    public byte[] offerId() {
        return offerId.clone();
    }

    /** Whether this is the offer with {@code id}. */
    public boolean is(byte[] id) {
        return java.security.MessageDigest.isEqual(offerId, id);
    }

    /** The question B is asked, e.g. "Alice Meyer wants to hand Dana over to you". */
    public String question() {
        return kind == HandoverEvent.Kind.TRANSFER
                ? fromTechnician + " wants to hand " + customerName + " over to you"
                : fromTechnician + " invites you to watch the session with " + customerName + " (view only)";
    }
}
