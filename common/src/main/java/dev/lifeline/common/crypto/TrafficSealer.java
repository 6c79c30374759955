package dev.lifeline.common.crypto;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.e2e.Sealed;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/** Seals one direction's messages with counters 1, 2, 3, ... Not thread-safe: one sender per end. */
public final class TrafficSealer implements Destroyable {
    /** Unsigned 2^64 - 1: the last counter; sealing past it would wrap to a used nonce. */
    private static final long LAST_COUNTER = -1L;

    private final byte[] key;
    private final byte[] sessionId;
    private final Direction direction;
    private long lastCounter;
    private boolean destroyed;

    TrafficSealer(byte[] key, byte[] sessionId, Direction direction) {
        this(key, sessionId, direction, 0);
    }

    /** Starting after {@code lastCounter}; the tests use it to reach the end of the counter space. */
    TrafficSealer(byte[] key, byte[] sessionId, Direction direction, long lastCounter) {
        this.key = key.clone();
        this.sessionId = sessionId.clone();
        this.direction = direction;
        this.lastCounter = lastCounter;
    }

    public Direction direction() {
        return direction;
    }

    public Sealed seal(byte[] plaintext) {
        if (destroyed) {
            throw new IllegalStateException("sealer destroyed");
        }
        if (lastCounter == LAST_COUNTER) {
            throw new CounterExhaustedException();
        }
        long counter = lastCounter + 1;
        byte[] ciphertext = AesGcm.seal(key, TrafficNonce.nonce(direction, counter),
                TrafficNonce.associatedData(sessionId, direction, counter), plaintext);
        lastCounter = counter;
        return Sealed.newBuilder().setCounter(counter).setCiphertext(ByteString.copyFrom(ciphertext)).build();
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TrafficSealer[" + direction + ", counter " + Long.toUnsignedString(lastCounter) + "]";
    }
}
