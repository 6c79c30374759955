package dev.lifeline.common.handshake;

/** The two ends; the names are the J-PAKE participant ids. */
enum Role {
    CUSTOMER("customer"),
    TECHNICIAN("technician");

    private final String participantId;

    Role(String participantId) {
        this.participantId = participantId;
    }

    String participantId() {
        return participantId;
    }

    Role peer() {
        return this == CUSTOMER ? TECHNICIAN : CUSTOMER;
    }
}
