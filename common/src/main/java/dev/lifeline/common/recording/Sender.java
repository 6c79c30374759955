package dev.lifeline.common.recording;

/** Who sent a recorded frame or sealed key; one byte in the record. */
public enum Sender {
    CUSTOMER((byte) 1),
    TECHNICIAN((byte) 2);

    private final byte code;

    Sender(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    static Sender of(byte code) {
        return code == 1 ? CUSTOMER : code == 2 ? TECHNICIAN : null;
    }
}
