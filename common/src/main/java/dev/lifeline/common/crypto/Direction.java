package dev.lifeline.common.crypto;

/** Which way a sealed message travels; its byte starts the nonce and is bound in the associated data. */
public enum Direction {
    CUSTOMER_TO_TECHNICIAN((byte) 0x01),
    TECHNICIAN_TO_CUSTOMER((byte) 0x02);

    private final byte wireByte;

    Direction(byte wireByte) {
        this.wireByte = wireByte;
    }

    public byte wireByte() {
        return wireByte;
    }
}
