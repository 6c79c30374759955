package dev.lifeline.relay.forwarding;

import dev.lifeline.common.wire.relay.Role;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;

/**
 * Two connections the relay forwards between. Mutated only by {@link SessionTable} under its
 * lock; the fields the forwarding path reads per frame are volatile so that path takes no lock.
 */
public final class PairedSession {
    private final byte[] id;
    private final String customerName;
    private final SessionLifecycle lifecycle;
    final Side customer;
    final Side technician;
    volatile boolean ended;
    /**
     * Set by a transfer until the customer says it has dropped the old end-to-end state: its Data
     * and Ack frames are dropped meanwhile, so nothing sealed for the old technician reaches the new.
     */
    volatile boolean customerHeld;

    PairedSession(byte[] id, String customerName, SessionLifecycle lifecycle, Channel customerChannel,
                  Channel technicianChannel) {
        this.id = id.clone();
        this.customerName = customerName;
        this.lifecycle = lifecycle;
        this.customer = new Side(Role.CUSTOMER, customerChannel);
        this.technician = new Side(Role.TECHNICIAN, technicianChannel);
    }

    public byte[] id() {
        return id.clone();
    }

    public String customerName() {
        return customerName;
    }

    SessionLifecycle lifecycle() {
        return lifecycle;
    }

    public boolean isEnded() {
        return ended;
    }

    /** The customer has switched to the new technician (transfer): forward its frames again. */
    public void releaseCustomer() {
        customerHeld = false;
    }

    /** The current connection of {@code role}, present or not (null only before pairing). */
    public Channel channel(Role role) {
        return side(role).channel;
    }

    Side side(Role role) {
        return role == Role.CUSTOMER ? customer : technician;
    }

    Side peerOf(Role role) {
        return role == Role.CUSTOMER ? technician : customer;
    }

    /** The peer's connection if the peer is connected right now, else null. */
    public Channel peerChannel(Role role) {
        Side peer = peerOf(role);
        return !ended && peer.present ? peer.channel : null;
    }

    /** Whether {@code channel} is the one currently speaking for {@code role}. */
    public boolean isCurrent(Role role, Channel channel) {
        Side side = side(role);
        return !ended && side.channel == channel;
    }

    /** One end of the session. */
    static final class Side {
        final Role role;
        volatile Channel channel;
        volatile boolean present = true;
        /** SHA-256 of this side's current resume token; the token itself is never kept. */
        ByteBuffer tokenHash;
        ScheduledFuture<?> graceTimer;

        Side(Role role, Channel channel) {
            this.role = role;
            this.channel = channel;
        }
    }
}
