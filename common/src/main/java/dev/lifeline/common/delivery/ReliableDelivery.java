package dev.lifeline.common.delivery;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.Ack;
import dev.lifeline.common.wire.relay.Data;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Exactly-once, in-order delivery of Data frames across dropped connections, end to end.
 *
 * <p>Outbound, every payload gets the next sequence number and stays in a bounded buffer until the
 * peer acknowledges it; after a resume the peer's resync ack says what it has and everything after
 * that is sent again. Inbound, a frame is accepted only if it is the next sequence number: older
 * ones are resends the peer could not know we had, newer ones mean a gap (a bug or a hostile relay)
 * and are refused — except right after a resume, see {@link #resyncAck()}. Not thread-safe: one
 * session thread owns it.
 */
public final class ReliableDelivery {
    public static final int DEFAULT_MAX_UNACKED_FRAMES = 4096;
    public static final long DEFAULT_MAX_UNACKED_BYTES = 32L << 20;

    private final int maxUnackedFrames;
    private final long maxUnackedBytes;
    private final Deque<Data> unacked = new ArrayDeque<>();
    private long unackedBytes;
    private long nextOutboundSeq = 1;
    private long lastReceivedSeq;
    /** Set by a resync ack until the first missing frame arrives: frames past a gap are dropped meanwhile. */
    private boolean awaitingResend;

    public ReliableDelivery() {
        this(DEFAULT_MAX_UNACKED_FRAMES, DEFAULT_MAX_UNACKED_BYTES);
    }

    public ReliableDelivery(int maxUnackedFrames, long maxUnackedBytes) {
        this.maxUnackedFrames = maxUnackedFrames;
        this.maxUnackedBytes = maxUnackedBytes;
    }

    /**
     * Numbers a payload and keeps it until acknowledged.
     *
     * @throws ResendBufferFullException when the peer has not acknowledged so much that keeping
     *     more would exceed the bounds; the session cannot continue safely then
     */
    public Data send(ByteString payload) {
        if (unacked.size() >= maxUnackedFrames || unackedBytes + payload.size() > maxUnackedBytes) {
            throw new ResendBufferFullException(unacked.size(), unackedBytes);
        }
        Data data = Data.newBuilder().setSeq(nextOutboundSeq++).setPayload(payload).build();
        unacked.addLast(data);
        unackedBytes += payload.size();
        return data;
    }

    /**
     * Handles the peer's acknowledgement. Returns the frames to send again: none for an ordinary
     * ack, everything after {@code ack.seq} for a resync ack.
     *
     * @throws DeliveryProtocolException if the peer acknowledges a frame we never sent
     */
    public List<Data> onAck(Ack ack) {
        if (ack.getSeq() >= nextOutboundSeq) {
            throw new DeliveryProtocolException("ack for " + ack.getSeq() + " but only sent up to " + (nextOutboundSeq - 1));
        }
        while (!unacked.isEmpty() && unacked.peekFirst().getSeq() <= ack.getSeq()) {
            unackedBytes -= unacked.removeFirst().getPayload().size();
        }
        return ack.getResync() ? new ArrayList<>(unacked) : List.of();
    }

    /**
     * Decides whether an inbound frame is new.
     *
     * @return true for the next frame in order (deliver it), false for a duplicate or, while
     *     waiting for the resend after a resync ack, a frame past the gap (drop it: it comes again)
     * @throws DeliveryProtocolException for a frame past a gap at any other time
     */
    public boolean accept(Data data) {
        long seq = data.getSeq();
        if (seq <= lastReceivedSeq) {
            return false;
        }
        if (seq != lastReceivedSeq + 1) {
            if (awaitingResend) {
                return false;
            }
            throw new DeliveryProtocolException("frame " + seq + " arrived after " + lastReceivedSeq + ": frames are missing");
        }
        lastReceivedSeq = seq;
        awaitingResend = false;
        return true;
    }

    /** The cumulative ack for what we have received so far. */
    public Ack ack() {
        return Ack.newBuilder().setSeq(lastReceivedSeq).build();
    }

    /**
     * The ack to send after a resume: it asks the peer to resend everything we lack. Until the
     * first missing frame arrives, frames past the gap are dropped instead of refused: when our
     * connection was replaced before the relay noticed the old one had gone, the peer kept sending
     * (the old connection lost some, the new one gets the rest) until it heard we were back. It
     * keeps all of them unacknowledged and resends them, in order, on this ack.
     */
    public Ack resyncAck() {
        awaitingResend = true;
        return Ack.newBuilder().setSeq(lastReceivedSeq).setResync(true).build();
    }

    public long lastReceivedSeq() {
        return lastReceivedSeq;
    }

    public int unackedFrames() {
        return unacked.size();
    }

    public long unackedBytes() {
        return unackedBytes;
    }
}
