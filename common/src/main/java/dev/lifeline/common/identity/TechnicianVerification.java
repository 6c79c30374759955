package dev.lifeline.common.identity;

/**
 * What the customer app learns about the technician's certificate. Name and organisation come
 * from the leaf even when it is untrusted, so the app can show them inside a red warning.
 *
 * @param detail why the certificate is untrusted; null when VERIFIED or NO_PINNED_ROOT
 * @param leafPublicKey the leaf's raw Ed25519 key (checks the transcript signature); null when malformed
 */
public record TechnicianVerification(Status status, String name, String organisation, Problem detail,
        byte[] leafPublicKey) {

    public enum Status { VERIFIED, UNTRUSTED, NO_PINNED_ROOT }

    public enum Problem { OTHER_ORGANISATION, EXPIRED, BAD_SIGNATURE, NOT_A_TECHNICIAN_CERTIFICATE, MALFORMED }

    public TechnicianVerification {
        leafPublicKey = leafPublicKey == null ? null : leafPublicKey.clone();
    }

    @Override
    public byte[] leafPublicKey() {
        return leafPublicKey == null ? null : leafPublicKey.clone();
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    @Override
    public String toString() {
        return "TechnicianVerification[" + status + ", " + name + ", " + organisation
                + (detail == null ? "" : ", " + detail) + "]";
    }
}
