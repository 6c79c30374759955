package dev.lifeline.client.handover;

/** What technician B needs to take an offered session on a new connection: its sign-in token and the offer. */
public record HandoverTicket(String sessionToken, byte[] offerId, HandoverEvent.Kind kind) {
    public HandoverTicket {
        offerId = offerId.clone();
    }

    @Override
    public byte[] offerId() {
        return offerId.clone();
    }
}
