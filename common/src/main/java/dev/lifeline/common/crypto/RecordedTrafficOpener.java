package dev.lifeline.common.crypto;

import dev.lifeline.common.wire.e2e.Sealed;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * Opens sealed messages of a recording in any order: a player seeks, so the live opener's strict
 * counter order does not apply. Order and completeness are the recording's hash chain's job; the
 * nonce and associated data are the live ones, so nothing opens under another counter or direction.
 */
public final class RecordedTrafficOpener implements Destroyable {
    private final byte[] key;
    private final byte[] sessionId;
    private final Direction direction;
    private boolean destroyed;

    private RecordedTrafficOpener(byte[] key, byte[] sessionId, Direction direction) {
        this.key = key;
        this.sessionId = sessionId;
        this.direction = direction;
    }

    public static RecordedTrafficOpener of(TrafficKeys keys, Direction direction) {
        byte[] key = direction == Direction.CUSTOMER_TO_TECHNICIAN
                ? keys.customerToTechnicianKey() : keys.technicianToCustomerKey();
        return new RecordedTrafficOpener(key, keys.sessionId(), direction);
    }

    public Direction direction() {
        return direction;
    }

    public byte[] open(Sealed sealed) throws TamperedMessageException {
        if (destroyed) {
            throw new IllegalStateException("opener destroyed");
        }
        long counter = sealed.getCounter();
        try {
            return AesGcm.open(key, TrafficNonce.nonce(direction, counter),
                    TrafficNonce.associatedData(sessionId, direction, counter), sealed.getCiphertext().toByteArray());
        } catch (AEADBadTagException e) {
            throw new TamperedMessageException(counter);
        }
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
}
