package dev.lifeline.common.handshake;

import dev.lifeline.common.crypto.TrafficEnd;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.crypto.TrafficOpener;
import dev.lifeline.common.crypto.TrafficSealer;
import dev.lifeline.common.identity.TechnicianVerification;

/** A completed handshake: this end's sealer and opener, the keys, and (customer side) who the technician is. */
public final class HandshakeResult {
    private final TrafficKeys keys;
    private final TrafficEnd end;
    private final TechnicianVerification technician;
    private final byte[] transcriptHash;

    HandshakeResult(TrafficKeys keys, TrafficEnd end, TechnicianVerification technician, byte[] transcriptHash) {
        this.keys = keys;
        this.end = end;
        this.technician = technician;
        this.transcriptHash = transcriptHash.clone();
    }

    public TrafficSealer sealer() {
        return end.sealer();
    }

    public TrafficOpener opener() {
        return end.opener();
    }

    /** Both directions' keys (for sealing to the recording key). */
    public TrafficKeys keys() {
        return keys;
    }

    /**
     * Customer side: the technician's certificate check. VERIFIED, or UNTRUSTED / NO_PINNED_ROOT
     * for the app to show as a warning. Null on the technician side.
     */
    public TechnicianVerification technician() {
        return technician;
    }

    /** Identical on both ends of one handshake; usable as a channel binding. */
    public byte[] transcriptHash() {
        return transcriptHash.clone();
    }

    @Override
    public String toString() {
        return "HandshakeResult[" + (technician == null ? "technician side" : technician) + "]";
    }
}
