package dev.lifeline.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Nonce and associated-data layout shared by {@link TrafficSealer} and {@link TrafficOpener}. */
final class TrafficNonce {
    static final byte[] AD_LABEL = "lifeline-e2e-v1".getBytes(StandardCharsets.US_ASCII);

    private TrafficNonce() {
    }

    /** direction byte, 3 zero bytes, 8-byte big-endian counter. */
    static byte[] nonce(Direction direction, long counter) {
        return ByteBuffer.allocate(AesGcm.NONCE_LENGTH)
                .put(direction.wireByte()).put(new byte[3]).putLong(counter).array();
    }

    /** "lifeline-e2e-v1" || session id || direction byte || counter. */
    static byte[] associatedData(byte[] sessionId, Direction direction, long counter) {
        return ByteBuffer.allocate(AD_LABEL.length + sessionId.length + 1 + Long.BYTES)
                .put(AD_LABEL).put(sessionId).put(direction.wireByte()).putLong(counter).array();
    }
}
