package dev.lifeline.common.recording;

/** Why a recording ended; one byte in the end record. */
public enum EndReason {
    SESSION_ENDED((byte) 1, "the session ended"),
    SIZE_LIMIT((byte) 2, "the recording reached its size limit; the rest of the session was not recorded"),
    WRITER_BEHIND((byte) 3, "the relay could not write fast enough; the rest of the session was not recorded"),
    RELAY_SHUTDOWN((byte) 4, "the relay shut down");

    private final byte code;
    private final String description;

    EndReason(byte code, String description) {
        this.code = code;
        this.description = description;
    }

    public byte code() {
        return code;
    }

    public String description() {
        return description;
    }

    static EndReason of(byte code) {
        for (EndReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return null;
    }
}
