package dev.lifeline.client.handover;

/** Technician B: technician A offers a session (transfer) or invites B to watch it. */
public record HandoverOfferInfo(byte[] offerId, HandoverEvent.Kind kind, String fromTechnician, String customerName,
                                long expiresAtMs) {
    public HandoverOfferInfo {
        offerId = offerId.clone();
    }

    @Override
    public byte[] offerId() {
        return offerId.clone();
    }

    /** The question B is asked, e.g. "Alice Meyer wants to hand Dana over to you". */
    public String question() {
        return kind == HandoverEvent.Kind.TRANSFER
                ? fromTechnician + " wants to hand " + customerName + " over to you"
                : fromTechnician + " invites you to watch the session with " + customerName + " (view only)";
    }
}
