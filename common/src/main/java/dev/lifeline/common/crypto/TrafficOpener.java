package dev.lifeline.common.crypto;

import dev.lifeline.common.wire.e2e.Sealed;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * Opens the peer's messages in strict counter order. The relay is an ordered stream, so anything
 * but the next counter is a replay or a drop; both are refused rather than tolerated in a window.
 */
public final class TrafficOpener implements Destroyable {
    private final byte[] key;
    private final byte[] sessionId;
    private final Direction direction;
    private long lastCounter;
    private boolean destroyed;

    TrafficOpener(byte[] key, byte[] sessionId, Direction direction) {
        this.key = key.clone();
        this.sessionId = sessionId.clone();
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }

    /** Returns the plaintext; a rejected message leaves the expected counter unchanged. */
    public byte[] open(Sealed sealed) throws SealedMessageRejectedException {
        if (destroyed) {
            throw new IllegalStateException("opener destroyed");
        }
        long counter = sealed.getCounter();
        long expected = lastCounter + 1;
        if (Long.compareUnsigned(counter, lastCounter) <= 0) {
            throw new ReplayedMessageException(counter, expected);
        }
        if (counter != expected) {
            throw new OutOfOrderMessageException(counter, expected);
        }
        byte[] plaintext;
        try {
            plaintext = AesGcm.open(key, TrafficNonce.nonce(direction, counter),
                    TrafficNonce.associatedData(sessionId, direction, counter),
                    sealed.getCiphertext().toByteArray());
        } catch (AEADBadTagException e) {
            throw new TamperedMessageException(counter);
        }
        lastCounter = counter;
        return plaintext;
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
        return "TrafficOpener[" + direction + ", counter " + Long.toUnsignedString(lastCounter) + "]";
    }
}
