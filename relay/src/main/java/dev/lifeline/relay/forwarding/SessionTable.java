package dev.lifeline.relay.forwarding;

import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.PeerAway;
import dev.lifeline.common.wire.relay.PeerBack;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.forwarding.PairedSession.Side;
import dev.lifeline.relay.frames.Replies;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All paired sessions and their resume tokens. Shared by every event loop: state changes happen
 * under this object's lock, the frames they cause are written after it is released. Grace timers
 * run on an event loop (the remaining peer's): no thread per session.
 *
 * <p>Resume tokens are 32 random bytes, single use; only their SHA-256 is kept, looked up by hash
 * and compared in constant time.
 */
public final class SessionTable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTable.class);
    static final int SESSION_ID_BYTES = 16;
    static final int TOKEN_BYTES = 32;

    private final Duration grace;
    private final SecureRandom random = new SecureRandom();
    private final Map<ByteBuffer, PairedSession> byTokenHash = new HashMap<>();
    private final Set<PairedSession> live = new HashSet<>();
    /**
     * How recently closed sessions ended, by the hash of a side's last token: a side whose
     * connection dropped just as the peer said Close learns the Close when it comes back, instead
     * of a bare "unknown token". Bounded, oldest first out; entries live for the grace period.
     */
    private final LinkedHashMap<ByteBuffer, EndedSession> recentlyEnded = new LinkedHashMap<>();
    static final int MAX_RECENTLY_ENDED = 10_000;

    private record EndedSession(RelayFrame closeFrame, long endedAtNanos) {
    }

    /** Issue 6 (transfer, watch): frames about a paired session that forwarding does not handle. */
    private volatile SessionFrames frames = SessionFrames.NONE;

    public SessionTable(Duration grace) {
        this.grace = grace;
    }

    public SessionFrames frames() {
        return frames;
    }

    /** Installs the handler of transfer and watch frames; call before the relay accepts connections. */
    public void frames(SessionFrames value) {
        this.frames = java.util.Objects.requireNonNull(value);
    }

    /** A transfer: the new tokens, the connection that spoke for the technician until now, the customer's. */
    public record Handover(byte[] customerToken, byte[] technicianToken, Channel previousTechnician, Channel customer) {
    }

    /**
     * Transfer: {@code newTechnician} speaks for the technician from now on. Both sides get fresh
     * resume tokens (the old technician's no longer resumes anything) and the customer's frames
     * are held until it says HandoverReady. Null when the session is over or the customer is away.
     */
    public Handover handOver(PairedSession session, Channel newTechnician) {
        synchronized (this) {
            if (session.ended || !session.customer.present) {
                return null;
            }
            Side technician = session.technician;
            Channel previous = technician.present ? technician.channel : null;
            for (Side side : new Side[] {session.customer, technician}) {
                if (side.tokenHash != null) {
                    byTokenHash.remove(side.tokenHash);
                }
            }
            byte[] customerToken = issueToken(session, session.customer);
            byte[] technicianToken = issueToken(session, technician);
            cancelGrace(technician);
            technician.channel = newTechnician;
            technician.present = true;
            session.customerHeld = true;
            return new Handover(customerToken, technicianToken, previous, session.customer.channel);
        }
    }

    public int graceSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, grace.toSeconds());
    }

    /** A new pairing and the token each side gets in its Paired frame. */
    public record Pairing(PairedSession session, byte[] customerToken, byte[] technicianToken) {
    }

    /** A successful resume: the session, the side's new token, whether the peer is there. */
    public record Resumption(PairedSession session, byte[] newToken, boolean peerPresent) {
    }

    public synchronized Pairing pair(String customerName, Channel customer, Channel technician,
                                     SessionLifecycle lifecycle) {
        byte[] id = new byte[SESSION_ID_BYTES];
        random.nextBytes(id);
        PairedSession session = new PairedSession(id, customerName, lifecycle, customer, technician);
        byte[] customerToken = issueToken(session, session.customer);
        byte[] technicianToken = issueToken(session, session.technician);
        live.add(session);
        return new Pairing(session, customerToken, technicianToken);
    }

    /**
     * Takes over the side that {@code token} belongs to with {@code channel}. Null when the token
     * is unknown, already used, of the other role, or its session is over. On success an older
     * connection of that side that still looks alive is closed, and the peer, if present, gets
     * PeerBack.
     */
    public Resumption resume(byte[] token, Role role, Channel channel) {
        byte[] hash = sha256(token);
        Channel stale;
        Channel peerToNotify;
        Resumption result;
        synchronized (this) {
            PairedSession session = byTokenHash.get(ByteBuffer.wrap(hash));
            if (session == null || session.ended) {
                return null;
            }
            Side side = matchingSide(session, hash);
            if (side == null || side.role != role) {
                return null;
            }
            byTokenHash.remove(side.tokenHash);
            byte[] newToken = issueToken(session, side);
            stale = side.channel != channel && side.present ? side.channel : null;
            side.channel = channel;
            side.present = true;
            cancelGrace(side);
            Side peer = session.peerOf(role);
            peerToNotify = peer.present ? peer.channel : null;
            result = new Resumption(session, newToken, peer.present);
        }
        if (stale != null) {
            stale.close();
        }
        if (peerToNotify != null) {
            peerToNotify.writeAndFlush(RelayFrame.newBuilder().setPeerBack(PeerBack.getDefaultInstance()).build());
        }
        LOG.info("session resumed by the {}", role == Role.CUSTOMER ? "customer" : "technician");
        return result;
    }

    /**
     * The connection of {@code role} dropped without Close. If it was the current one, the side
     * is away for the grace period and the peer is told; otherwise nothing happens.
     */
    public void connectionLost(PairedSession session, Role role, Channel channel) {
        Channel peerToNotify;
        synchronized (this) {
            Side side = session.side(role);
            if (session.ended || side.channel != channel || !side.present) {
                return;
            }
            side.present = false;
            Side peer = session.peerOf(role);
            peerToNotify = peer.present ? peer.channel : null;
            // On an event loop that lives on: the peer's if it is there, else the dropped one's.
            Channel timerHome = peerToNotify != null ? peerToNotify : channel;
            side.graceTimer = timerHome.eventLoop().schedule(
                    () -> graceExpired(session, side), grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (peerToNotify != null) {
            peerToNotify.writeAndFlush(RelayFrame.newBuilder()
                    .setPeerAway(PeerAway.newBuilder().setGraceSeconds(graceSeconds())).build());
        }
    }

    private void graceExpired(PairedSession session, Side side) {
        List<Channel> remaining;
        synchronized (this) {
            if (session.ended || side.present) {
                return;
            }
            remaining = endLocked(session);
        }
        LOG.info("session ended: resume grace expired");
        session.lifecycle().sessionEnded(session);
        for (Channel channel : remaining) {
            Replies.sendAndClose(channel, Replies.close(CloseReason.PEER_LOST, "peer did not come back in time"));
        }
    }

    /**
     * An orderly Close from {@code role}: the peer gets the same Close, the session is forgotten
     * and both connections close once the frames are written.
     */
    public void close(PairedSession session, Role role, RelayFrame closeFrame) {
        List<Channel> channels;
        synchronized (this) {
            if (session.ended) {
                return;
            }
            rememberEndLocked(session.peerOf(role), closeFrame);
            channels = endLocked(session);
        }
        session.lifecycle().sessionEnded(session);
        for (Channel channel : channels) {
            if (channel == session.side(role).channel) {
                channel.flush();
                channel.close();
            } else {
                Replies.sendAndClose(channel, closeFrame);
            }
        }
    }

    /**
     * The customer rejects its technician: the technician gets REJECTED_BY_CUSTOMER and is
     * dropped, the session is forgotten without ending the nameplate. False if the session had
     * already ended (a Close crossed the RejectPeer).
     */
    public boolean reject(PairedSession session) {
        Channel technician;
        synchronized (this) {
            if (session.ended) {
                return false;
            }
            technician = session.technician.present ? session.technician.channel : null;
            endLocked(session);
        }
        if (technician != null) {
            Replies.fatal(technician, ErrorCode.REJECTED_BY_CUSTOMER, "the customer ended the pairing");
        }
        return true;
    }

    /** Ends the session because its pairing never completed (the customer left meanwhile). */
    public void abort(PairedSession session, CloseReason reason, String detail) {
        List<Channel> channels;
        synchronized (this) {
            if (session.ended) {
                return;
            }
            channels = endLocked(session);
        }
        session.lifecycle().sessionEnded(session);
        for (Channel channel : channels) {
            Replies.sendAndClose(channel, Replies.close(reason, detail));
        }
    }

    /** Ends every session with RELAY_SHUTDOWN. */
    public void shutdown() {
        List<PairedSession> all;
        synchronized (this) {
            all = new ArrayList<>(live);
        }
        for (PairedSession session : all) {
            abort(session, CloseReason.RELAY_SHUTDOWN, "relay is shutting down");
        }
    }

    public synchronized int size() {
        return live.size();
    }

    private void rememberEndLocked(Side side, RelayFrame closeFrame) {
        if (side.tokenHash == null) {
            return;
        }
        recentlyEnded.put(side.tokenHash, new EndedSession(closeFrame, System.nanoTime()));
        long oldest = System.nanoTime() - grace.toNanos();
        var entries = recentlyEnded.values().iterator();
        while (entries.hasNext()) {
            EndedSession next = entries.next();
            if (recentlyEnded.size() <= MAX_RECENTLY_ENDED && next.endedAtNanos() - oldest > 0) {
                break;
            }
            entries.remove();
        }
    }

    /**
     * The Close that ended the session of {@code token}, if it ended within the grace period and
     * that side never heard it (its connection was gone). Single use, like the token.
     */
    public synchronized Optional<RelayFrame> closeHeardLate(byte[] token) {
        EndedSession ended = recentlyEnded.remove(ByteBuffer.wrap(sha256(token)));
        if (ended == null || System.nanoTime() - ended.endedAtNanos() > grace.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(ended.closeFrame());
    }

    private List<Channel> endLocked(PairedSession session) {
        session.ended = true;
        live.remove(session);
        List<Channel> present = new ArrayList<>(2);
        for (Side side : new Side[] {session.customer, session.technician}) {
            if (side.tokenHash != null) {
                byTokenHash.remove(side.tokenHash);
                side.tokenHash = null;
            }
            cancelGrace(side);
            if (side.present && side.channel != null) {
                present.add(side.channel);
            }
        }
        return present;
    }

    private static Side matchingSide(PairedSession session, byte[] hash) {
        Side found = null;
        for (Side side : new Side[] {session.customer, session.technician}) {
            if (side.tokenHash != null && MessageDigest.isEqual(side.tokenHash.array(), hash)) {
                found = side;
            }
        }
        return found;
    }

    private byte[] issueToken(PairedSession session, Side side) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        ByteBuffer hash = ByteBuffer.wrap(sha256(token));
        side.tokenHash = hash;
        byTokenHash.put(hash, session);
        return token;
    }

    private static void cancelGrace(Side side) {
        if (side.graceTimer != null) {
            side.graceTimer.cancel(false);
            side.graceTimer = null;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
