package dev.lifeline.client.handover;

/**
 * Technician side: where a transfer or watch invitation stands, from the relay. {@code technician}
 * is the other technician; {@code detail} a short text for the person.
 */
public record HandoverEvent(Kind kind, Outcome outcome, String technician, String detail) {
    public enum Kind { TRANSFER, WATCH }

    public enum Outcome {
        PENDING, DECLINED, EXPIRED, COMPLETED, WATCH_STARTED, WATCH_ENDED, REFUSED_BY_CUSTOMER,
        /** The request itself was refused (not signed in, unknown name, limits); nothing changed. */
        REFUSED;

        /** Whether the request is over and A keeps the session as it was. */
        public boolean keepsSession() {
            return this == DECLINED || this == EXPIRED || this == REFUSED || this == REFUSED_BY_CUSTOMER;
        }
    }

    /** What the Console shows, e.g. "Transfer to Bob Stone: declined". */
    public String describe() {
        String what = kind == Kind.TRANSFER ? "Transfer to " : "Watch invitation for ";
        String how = switch (outcome) {
            case PENDING -> "waiting for an answer";
            case DECLINED -> "declined — you keep the session";
            case EXPIRED -> "no answer in time — you keep the session";
            case COMPLETED -> "done";
            case WATCH_STARTED -> "watching now";
            case WATCH_ENDED -> "stopped watching";
            case REFUSED_BY_CUSTOMER -> "the customer said no";
            case REFUSED -> detail.isEmpty() ? "refused" : detail;
        };
        return what + technician + ": " + how;
    }
}
