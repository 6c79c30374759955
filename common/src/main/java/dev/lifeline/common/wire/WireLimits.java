package dev.lifeline.common.wire;

/** Protocol constants both ends agree on. The relay announces its own limits in Welcome. */
public final class WireLimits {
    /** Version of the relay-layer protocol sent in Hello and Welcome. */
    public static final int PROTOCOL_VERSION = 1;

    /** Largest frame body (the protobuf bytes after the length prefix) anyone accepts. */
    public static final int MAX_FRAME_BYTES = 1 << 20;

    /** Bytes of the length prefix in front of every frame. */
    public static final int LENGTH_PREFIX_BYTES = 4;

    private WireLimits() {
    }
}
