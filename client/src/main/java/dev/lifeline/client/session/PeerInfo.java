package dev.lifeline.client.session;

/**
 * Who is on the other end, once the handshake is done. For the customer this is the technician
 * as its certificate says and how far we trust that; for the technician it is the customer's
 * self-given name.
 */
public record PeerInfo(String name, String organisation, Trust trust, String trustDetail) {
    public enum Trust {
        /** Certificate chains to the organisation root this app pins. */
        VERIFIED,
        /** Certificate does not chain to the pinned root (other organisation, expired, forged). */
        UNTRUSTED,
        /** This app pins no organisation root, so the technician's name is unchecked. */
        NO_PINNED_ROOT,
        /** The peer is the customer: J-PAKE on the code authenticated it, no certificate exists. */
        CUSTOMER
    }

    public static PeerInfo customer(String name) {
        return new PeerInfo(name == null ? "" : name, "", Trust.CUSTOMER, "");
    }
}
