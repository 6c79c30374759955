package dev.lifeline.relay.handover;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.HandoverAnswer;
import dev.lifeline.common.wire.relay.HandoverKind;
import dev.lifeline.common.wire.relay.HandoverNotice;
import dev.lifeline.common.wire.relay.HandoverOffer;
import dev.lifeline.common.wire.relay.HandoverOutcome;
import dev.lifeline.common.wire.relay.HandoverReady;
import dev.lifeline.common.wire.relay.HandoverRequest;
import dev.lifeline.common.wire.relay.HandoverRoster;
import dev.lifeline.common.wire.relay.HandoverStatus;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.WatchEnd;
import dev.lifeline.common.wire.relay.WatchJoin;
import dev.lifeline.relay.forwarding.PairedSession;
import dev.lifeline.relay.forwarding.SessionFrames;
import dev.lifeline.relay.forwarding.SessionLifecycle;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.frames.Reads;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.signin.SignedInAccount;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Transfer and watch on the relay (docs/session-handover.md). Technician A asks on its session
 * connection; technician B, signed in and listening on its team connection, gets an offer and
 * accepts on a new connection signed in with its token.
 *
 * <ul>
 *   <li>Transfer: B's connection takes over the technician side of the same paired session
 *   ({@link SessionTable#handOver}); A gets COMPLETED and a Close; the customer gets a notice and a
 *   fresh Paired, and the two run a new queue-flow handshake. Nothing of A's keys carries over.
 *   <li>Watch: the customer's app is asked first; on yes it opens a second connection
 *   ({@link WatchJoin}) that is paired with B's as a session of its own, with its own handshake,
 *   keys, back-pressure and resume. At most {@link #MAX_WATCHERS} per session.
 * </ul>
 *
 * All state is under this object's lock; frames are written after it is released. Each handled
 * frame ends with exactly one read request or reply, as the lobby and forwarding expect.
 */
public final class HandoverDesk implements SessionFrames {
    public static final int MAX_WATCHERS = 2;
    public static final Duration OFFER_TTL = Duration.ofSeconds(60);
    static final int MAX_NAME = 100;
    /** The offer card's texts (HandoverRequest.problem / note). */
    static final int MAX_PROBLEM = 1000;
    static final int MAX_NOTE = 500;
    static final int ID_BYTES = 16;
    /** At most this many offers open at once on the whole relay (each holds a timer). */
    static final int MAX_OPEN_OFFERS = 1000;
    private static final AttributeKey<Entry> ENTRY = AttributeKey.valueOf("lifeline.handover.entry");

    private final SessionTable sessions;
    private final HandoverRecords records;
    private final Clock clock;
    private final Duration offerTtl;
    private final SecureRandom random = new SecureRandom();

    private final Map<LobbyConnection, String> listeners = new LinkedHashMap<>();
    private final Map<ByteBuffer, Offer> offers = new HashMap<>();
    private final Map<ByteBuffer, Offer> tickets = new HashMap<>();
    private final Map<PairedSession, Book> books = new HashMap<>();

    /** One offer from A to B, open until taken, declined or expired. */
    private static final class Offer {
        final byte[] id;
        final HandoverKind kind;
        final PairedSession session;
        final Entry entry;
        final String from;
        final long fromAccountId;
        final String to;
        ScheduledFuture<?> timer;
        /** Watch: B's accepting connection, parked until the customer joins. */
        LobbyConnection taker;
        long takerAccountId;
        /** Watch: the single-use ticket the customer's second connection presents. */
        byte[] ticket;

        Offer(byte[] id, HandoverKind kind, PairedSession session, Entry entry, String from, long fromAccountId, String to) {
            this.id = id;
            this.kind = kind;
            this.session = session;
            this.entry = entry;
            this.from = from;
            this.fromAccountId = fromAccountId;
            this.to = to;
        }
    }

    /** Everything the desk knows about one customer session. */
    private static final class Book {
        final Entry entry;
        Offer transfer;
        final List<Offer> pendingWatches = new ArrayList<>();
        final Map<PairedSession, String> watches = new LinkedHashMap<>();

        Book(Entry entry) {
            this.entry = entry;
        }

        int watchersAndInvites() {
            return watches.size() + pendingWatches.size();
        }
    }

    public HandoverDesk(SessionTable sessions, HandoverRecords records, Clock clock, Duration offerTtl) {
        this.sessions = sessions;
        this.records = records;
        this.clock = clock;
        this.offerTtl = offerTtl;
    }

    // ---------------------------------------------------------------- lobby side (team connections)

    /** Which frames of a lobby connection this desk answers. */
    public static boolean handlesInLobby(RelayFrame.BodyCase body) {
        return switch (body) {
            case HANDOVER_LISTEN, HANDOVER_ANSWER, WATCH_JOIN -> true;
            default -> false;
        };
    }

    /** A lobby frame (see {@link #handlesInLobby}); ends with one reply or fatal, as the lobby expects. */
    public void handleInLobby(LobbyConnection connection, RelayFrame frame) {
        switch (frame.getBodyCase()) {
            case HANDOVER_LISTEN -> listen(connection);
            case HANDOVER_ANSWER -> answer(connection, frame.getHandoverAnswer());
            case WATCH_JOIN -> watchJoin(connection, frame.getWatchJoin());
            default -> connection.fatal(ErrorCode.UNEXPECTED_FRAME, frame.getBodyCase() + " is not allowed now");
        }
    }

    /** The lobby paired {@code technician} with the customer on {@code entry}: remember the entry for billing. */
    public void paired(Entry entry, LobbyConnection technician) {
        technician.channel().attr(ENTRY).set(entry);
    }

    private void listen(LobbyConnection connection) {
        Optional<SignedInAccount> account = SignedInAccount.of(connection.channel());
        if (connection.role() != Role.TECHNICIAN || account.isEmpty()) {
            connection.reply(status(null, HandoverKind.HANDOVER_KIND_UNSPECIFIED, HandoverOutcome.OUTCOME_NOT_SIGNED_IN, "",
                    "sign in to take handovers"));
            return;
        }
        List<LobbyConnection> others;
        RelayFrame roster;
        synchronized (this) {
            listeners.put(connection, account.get().account().name());
            roster = rosterLocked();
            others = new ArrayList<>(listeners.keySet());
        }
        others.remove(connection);
        connection.reply(roster);
        others.forEach(c -> c.push(roster));
    }

    private void answer(LobbyConnection connection, HandoverAnswer answer) {
        Optional<SignedInAccount> account = SignedInAccount.of(connection.channel());
        if (connection.role() != Role.TECHNICIAN || account.isEmpty()) {
            connection.reply(status(null, HandoverKind.HANDOVER_KIND_UNSPECIFIED, HandoverOutcome.OUTCOME_NOT_SIGNED_IN, "",
                    "sign in to answer a handover"));
            return;
        }
        String name = account.get().account().name();
        Offer offer;
        synchronized (this) {
            offer = answer.getOfferId().size() == ID_BYTES ? offers.get(ByteBuffer.wrap(answer.getOfferId().toByteArray())) : null;
            if (offer == null || !offer.to.equals(name) || offer.taker != null
                    || (answer.getAccept() && listeners.containsKey(connection))) {
                // Unknown, someone else's, taken — or an accept on the team connection, which must
                // stay a team connection: a session is taken on a new connection.
                offer = null;
            } else if (!answer.getAccept() || offer.kind == HandoverKind.HANDOVER_TRANSFER) {
                removeOfferLocked(offer);
            } else {
                offer.taker = connection;
                offer.takerAccountId = account.get().account().id();
                offer.ticket = newId();
                tickets.put(ByteBuffer.wrap(offer.ticket), offer);
            }
        }
        if (offer == null) {
            connection.reply(status(null, HandoverKind.HANDOVER_KIND_UNSPECIFIED, HandoverOutcome.OUTCOME_INVALID, "",
                    "this offer is unknown, taken or expired"));
            return;
        }
        if (!answer.getAccept()) {
            records.audit(name, "handover.decline", offer.kind + " from " + offer.from);
            toTechnician(offer.session, status(offer, HandoverOutcome.OUTCOME_DECLINED, offer.to, offer.to + " declined"));
            connection.reply(status(offer, HandoverOutcome.OUTCOME_DECLINED, offer.from, "declined"));
            return;
        }
        if (offer.kind == HandoverKind.HANDOVER_TRANSFER) {
            transfer(connection, offer, account.get());
        } else {
            askCustomerToWatch(offer);
        }
    }

    /** B's new connection takes the technician side of A's session. On B's event loop. */
    private void transfer(LobbyConnection connection, Offer offer, SignedInAccount taker) {
        SessionTable.Handover handover = sessions.handOver(offer.session, connection.channel());
        if (handover == null) {
            connection.reply(status(offer, HandoverOutcome.OUTCOME_INVALID, offer.from, "the session is over or the customer is reconnecting"));
            return;
        }
        long now = clock.millis();
        if (offer.entry != null) {
            connection.channel().attr(ENTRY).set(offer.entry);
        }
        RelayFrame done = status(offer, HandoverOutcome.OUTCOME_COMPLETED, offer.to, "handed over to " + offer.to);
        if (handover.previousTechnician() != null) {
            Channel previous = handover.previousTechnician();
            previous.write(done);
            Replies.sendAndClose(previous, Replies.close(CloseReason.ENDED_BY_TECHNICIAN, "handed over to " + offer.to));
        }
        Channel customer = handover.customer();
        customer.write(RelayFrame.newBuilder().setHandoverNotice(HandoverNotice.newBuilder()
                .setKind(HandoverKind.HANDOVER_TRANSFER).setFromTechnician(offer.from).setToTechnician(offer.to)).build());
        customer.writeAndFlush(paired(offer.session, handover.customerToken(), Role.TECHNICIAN));
        if (!connection.joinSession(offer.session, Role.TECHNICIAN, status(offer, HandoverOutcome.OUTCOME_COMPLETED, offer.from, ""),
                paired(offer.session, handover.technicianToken(), Role.CUSTOMER))) {
            // B's connection went away in this very moment: the customer waits for a technician
            // that will not come; end the session cleanly rather than leave it hanging.
            sessions.abort(offer.session, CloseReason.PEER_LOST, "the new technician's connection was lost");
            return;
        }
        records.transferred(offer.entry, offer.fromAccountId, taker.account().id(), now);
        records.audit(offer.from, "session.transfer", "to " + offer.to);
    }

    /** Watch: B accepted; now the customer's app asks the person. */
    private void askCustomerToWatch(Offer offer) {
        Channel customer = offer.session.peerChannel(Role.TECHNICIAN);
        if (customer == null) {
            failParkedWatch(offer, HandoverOutcome.OUTCOME_INVALID, "the customer is reconnecting; try again");
            return;
        }
        rearm(offer);
        customer.writeAndFlush(RelayFrame.newBuilder().setHandoverNotice(HandoverNotice.newBuilder()
                .setKind(HandoverKind.HANDOVER_WATCH).setFromTechnician(offer.from).setToTechnician(offer.to)
                .setWatchTicket(ByteString.copyFrom(offer.ticket))).build());
        toTechnician(offer.session, status(offer, HandoverOutcome.OUTCOME_PENDING, offer.to, "waiting for the customer"));
    }

    /** The customer's second connection: pair it with the parked watcher. On the customer's loop. */
    private void watchJoin(LobbyConnection customer, WatchJoin join) {
        Offer offer;
        synchronized (this) {
            offer = customer.role() == Role.CUSTOMER && join.getWatchTicket().size() == ID_BYTES
                    ? tickets.get(ByteBuffer.wrap(join.getWatchTicket().toByteArray())) : null;
            if (offer != null) {
                removeOfferLocked(offer);
            }
        }
        if (offer == null) {
            customer.fatal(ErrorCode.INVALID_REQUEST, "this watch invitation is unknown or used");
            return;
        }
        Offer watch = offer;
        LobbyConnection watcher = offer.taker;
        SessionTable.Pairing pairing = sessions.pair(offer.session.customerName(), customer.channel(), watcher.channel(),
                new WatchLifecycle(offer));
        synchronized (this) {
            Book book = books.get(offer.session);
            if (book == null || offer.session.isEnded()) {
                book = null;
            } else {
                book.watches.put(pairing.session(), offer.to);
            }
            if (book == null) {
                offer = null;
            }
        }
        if (offer == null) {
            sessions.abort(pairing.session(), CloseReason.ENDED_BY_TECHNICIAN, "the session is over");
            return;
        }
        // The customer's Paired is written before the watcher can send anything.
        if (!customer.joinSession(pairing.session(), Role.CUSTOMER, paired(pairing.session(), pairing.customerToken(), Role.TECHNICIAN))) {
            sessions.abort(pairing.session(), CloseReason.PEER_LOST, "the customer left");
            return;
        }
        watcher.execute(() -> {
            if (!watcher.joinSession(pairing.session(), Role.TECHNICIAN, status(watch, HandoverOutcome.OUTCOME_WATCH_STARTED, watch.from, ""),
                    paired(pairing.session(), pairing.technicianToken(), Role.CUSTOMER))) {
                sessions.abort(pairing.session(), CloseReason.PEER_LOST, "the watcher left");
                return;
            }
            toTechnician(watch.session, status(watch, HandoverOutcome.OUTCOME_WATCH_STARTED, watch.to, watch.to + " is watching"));
            records.audit(watch.to, "watch.start", "invited by " + watch.from);
        });
    }

    /** A lobby connection closed: it no longer listens, and a parked watcher's offer ends. */
    public void closed(LobbyConnection connection) {
        List<LobbyConnection> others;
        RelayFrame roster = null;
        List<Offer> parked = new ArrayList<>();
        synchronized (this) {
            others = new ArrayList<>(listeners.keySet());
            if (listeners.remove(connection) != null) {
                roster = rosterLocked();
                others.remove(connection);
            }
            for (Offer offer : new ArrayList<>(offers.values())) {
                if (offer.taker == connection) {
                    removeOfferLocked(offer);
                    parked.add(offer);
                }
            }
        }
        if (roster != null) {
            RelayFrame frame = roster;
            others.forEach(c -> c.push(frame));
        }
        parked.forEach(o -> toTechnician(o.session, status(o, HandoverOutcome.OUTCOME_WATCH_ENDED, o.to, o.to + " left")));
    }

    /** The customer session on {@code entry} is over: its watches end, its offers are void. */
    public void ended(Entry entry) {
        List<PairedSession> watchSessions = new ArrayList<>();
        List<Offer> parked = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<PairedSession, Book> e : new ArrayList<>(books.entrySet())) {
                if (e.getValue().entry != entry || !e.getKey().isEnded()) {
                    continue;
                }
                Book book = books.remove(e.getKey());
                watchSessions.addAll(book.watches.keySet());
                if (book.transfer != null) {
                    removeOfferLocked(book.transfer);
                }
                for (Offer offer : new ArrayList<>(book.pendingWatches)) {
                    removeOfferLocked(offer);
                    if (offer.taker != null) {
                        parked.add(offer);
                    }
                }
            }
        }
        watchSessions.forEach(w -> sessions.abort(w, CloseReason.ENDED_BY_CUSTOMER, "the session ended"));
        parked.forEach(o -> o.taker.fatal(ErrorCode.PEER_GONE, "the session ended"));
    }

    // ---------------------------------------------------------------- session side (paired connections)

    @Override
    public boolean handles(RelayFrame.BodyCase body) {
        return switch (body) {
            case HANDOVER_REQUEST, HANDOVER_READY, WATCH_END -> true;
            default -> false;
        };
    }

    @Override
    public void handle(ChannelHandlerContext ctx, PairedSession session, Role role, RelayFrame frame) {
        switch (frame.getBodyCase()) {
            case HANDOVER_REQUEST -> {
                if (role != Role.TECHNICIAN) {
                    Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only the technician hands a session over");
                    return;
                }
                request(ctx, session, frame.getHandoverRequest());
            }
            case HANDOVER_READY -> {
                if (role != Role.CUSTOMER) {
                    Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only the customer answers a handover");
                    return;
                }
                ready(session, frame.getHandoverReady());
                Reads.next(ctx.channel());
            }
            case WATCH_END -> {
                if (role != Role.TECHNICIAN) {
                    Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only the technician ends a watch");
                    return;
                }
                endWatch(session, frame.getWatchEnd());
                Reads.next(ctx.channel());
            }
            default -> Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, frame.getBodyCase() + " is not allowed while paired");
        }
    }

    private void request(ChannelHandlerContext ctx, PairedSession session, HandoverRequest request) {
        Channel channel = ctx.channel();
        HandoverKind kind = request.getKind();
        String to = request.getTechnician().strip();
        Optional<SignedInAccount> account = SignedInAccount.of(channel);
        HandoverOutcome refusal = null;
        String detail = "";
        Offer offer = null;
        List<LobbyConnection> targets = new ArrayList<>();
        if (account.isEmpty()) {
            refusal = HandoverOutcome.OUTCOME_NOT_SIGNED_IN;
            detail = "sign in to hand a session over";
        } else if ((kind != HandoverKind.HANDOVER_TRANSFER && kind != HandoverKind.HANDOVER_WATCH) || to.isEmpty() || to.length() > MAX_NAME
                || to.equals(account.get().account().name())) {
            refusal = HandoverOutcome.OUTCOME_INVALID;
            detail = "name another signed-in technician";
        } else if (request.getProblem().length() > MAX_PROBLEM || request.getNote().length() > MAX_NOTE) {
            refusal = HandoverOutcome.OUTCOME_INVALID;
            detail = "the note can have at most " + MAX_NOTE + " characters";
        } else {
            String from = account.get().account().name();
            synchronized (this) {
                Book book = books.computeIfAbsent(session, s -> new Book(channel.attr(ENTRY).get()));
                listeners.forEach((c, n) -> {
                    if (n.equals(to)) {
                        targets.add(c);
                    }
                });
                if (targets.isEmpty()) {
                    refusal = HandoverOutcome.OUTCOME_UNKNOWN_TECHNICIAN;
                    detail = to + " is not signed in";
                } else if (kind == HandoverKind.HANDOVER_TRANSFER && book.transfer != null) {
                    refusal = HandoverOutcome.OUTCOME_TRANSFER_PENDING;
                    detail = "a transfer is already waiting for an answer";
                } else if (kind == HandoverKind.HANDOVER_WATCH && book.watchersAndInvites() >= MAX_WATCHERS) {
                    refusal = HandoverOutcome.OUTCOME_TOO_MANY_WATCHERS;
                    detail = "at most " + MAX_WATCHERS + " technicians can watch";
                } else if (kind == HandoverKind.HANDOVER_WATCH && (book.watches.containsValue(to)
                        || book.pendingWatches.stream().anyMatch(o -> o.to.equals(to)))) {
                    refusal = HandoverOutcome.OUTCOME_INVALID;
                    detail = to + " is already watching or invited";
                } else if (offers.size() >= MAX_OPEN_OFFERS) {
                    refusal = HandoverOutcome.OUTCOME_UNAVAILABLE;
                    detail = "the relay is busy, try again in a moment";
                } else {
                    offer = new Offer(newId(), kind, session, book.entry, from, account.get().account().id(), to);
                    offers.put(ByteBuffer.wrap(offer.id), offer);
                    if (kind == HandoverKind.HANDOVER_TRANSFER) {
                        book.transfer = offer;
                    } else {
                        book.pendingWatches.add(offer);
                    }
                    Offer armed = offer;
                    offer.timer = ctx.executor().schedule(() -> expire(armed), offerTtl.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        if (refusal != null) {
            replyOn(channel, status(null, kind, refusal, to, detail));
            return;
        }
        RelayFrame offerFrame = RelayFrame.newBuilder().setHandoverOffer(HandoverOffer.newBuilder()
                .setOfferId(ByteString.copyFrom(offer.id)).setKind(kind).setFromTechnician(offer.from)
                .setCustomerName(session.customerName()).setExpiresAtMs(clock.millis() + offerTtl.toMillis())
                .setProblem(request.getProblem()).setNote(request.getNote())).build();
        targets.forEach(c -> c.push(offerFrame));
        records.audit(offer.from, "handover.offer", kind + " to " + to);
        replyOn(channel, status(offer, HandoverOutcome.OUTCOME_PENDING, to, "waiting for " + to));
    }

    private void ready(PairedSession session, HandoverReady ready) {
        if (ready.getWatchTicket().isEmpty()) {
            session.releaseCustomer();
            return;
        }
        if (ready.getAccept()) {
            return; // the second connection's WatchJoin follows
        }
        Offer offer;
        synchronized (this) {
            offer = ready.getWatchTicket().size() == ID_BYTES ? tickets.get(ByteBuffer.wrap(ready.getWatchTicket().toByteArray())) : null;
            if (offer != null && offer.session == session) {
                removeOfferLocked(offer);
            } else {
                offer = null;
            }
        }
        if (offer != null) {
            records.audit("customer", "watch.refused", offer.to + " invited by " + offer.from);
            failParkedWatch(offer, HandoverOutcome.OUTCOME_REFUSED_BY_CUSTOMER, "the customer said no");
        }
    }

    private void endWatch(PairedSession session, WatchEnd end) {
        List<PairedSession> ending = new ArrayList<>();
        synchronized (this) {
            Book book = books.get(session);
            if (book != null) {
                book.watches.forEach((watch, name) -> {
                    if (name.equals(end.getTechnician())) {
                        ending.add(watch);
                    }
                });
            }
        }
        ending.forEach(w -> sessions.abort(w, CloseReason.ENDED_BY_TECHNICIAN, "the technician ended the watch"));
    }

    private void expire(Offer offer) {
        synchronized (this) {
            if (!offers.containsKey(ByteBuffer.wrap(offer.id))) {
                return;
            }
            removeOfferLocked(offer);
        }
        records.audit("relay", "handover.expire", offer.kind + " from " + offer.from + " to " + offer.to);
        if (offer.taker != null) {
            failParkedWatch(offer, HandoverOutcome.OUTCOME_EXPIRED, "the customer did not answer in time");
        } else {
            toTechnician(offer.session, status(offer, HandoverOutcome.OUTCOME_EXPIRED, offer.to, offer.to + " did not answer in time"));
        }
    }

    /** A watch that B accepted does not happen: B's parked connection and A hear why. */
    private void failParkedWatch(Offer offer, HandoverOutcome outcome, String detail) {
        synchronized (this) {
            removeOfferLocked(offer);
        }
        if (offer.taker != null) {
            LobbyConnection taker = offer.taker;
            taker.channel().writeAndFlush(status(offer, outcome, offer.from, detail));
            taker.fatal(ErrorCode.PEER_GONE, detail);
        }
        toTechnician(offer.session, status(offer, outcome, offer.to, detail));
    }

    /** Ends a watch session's bookkeeping (customer removed the watcher, A ended it, someone left). */
    private void watchEnded(Offer offer, PairedSession watch) {
        boolean known;
        synchronized (this) {
            Book book = books.get(offer.session);
            known = book != null && book.watches.remove(watch) != null;
        }
        if (known) {
            records.audit(offer.to, "watch.end", "invited by " + offer.from);
            toTechnician(offer.session, status(offer, HandoverOutcome.OUTCOME_WATCH_ENDED, offer.to, offer.to + " stopped watching"));
        }
    }

    private final class WatchLifecycle implements SessionLifecycle {
        private final Offer offer;

        WatchLifecycle(Offer offer) {
            this.offer = offer;
        }

        @Override
        public void sessionEnded(PairedSession session) {
            watchEnded(offer, session);
        }

        @Override
        public void customerRejectedPeer(ChannelHandlerContext customerCtx, PairedSession session) {
            // The watcher failed the customer's checks (certificate, name): no second chance.
            Replies.sendAndClose(customerCtx.channel(), Replies.close(CloseReason.HANDSHAKE_FAILED, "watcher rejected"));
            watchEnded(offer, session);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void rearm(Offer offer) {
        ScheduledFuture<?> old = offer.timer;
        if (old != null) {
            old.cancel(false);
        }
        Channel home = offer.session.channel(Role.CUSTOMER);
        offer.timer = home.eventLoop().schedule(() -> expire(offer), offerTtl.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void removeOfferLocked(Offer offer) {
        offers.remove(ByteBuffer.wrap(offer.id));
        if (offer.ticket != null) {
            tickets.remove(ByteBuffer.wrap(offer.ticket));
        }
        if (offer.timer != null) {
            offer.timer.cancel(false);
        }
        Book book = books.get(offer.session);
        if (book != null) {
            if (book.transfer == offer) {
                book.transfer = null;
            }
            book.pendingWatches.remove(offer);
        }
    }

    private RelayFrame rosterLocked() {
        return RelayFrame.newBuilder().setHandoverRoster(HandoverRoster.newBuilder()
                .addAllTechnicians(new TreeSet<>(listeners.values()))).build();
    }

    /** To whoever is the session's technician now (A, or B after a transfer), if connected. */
    private static void toTechnician(PairedSession session, RelayFrame frame) {
        Channel technician = session.peerChannel(Role.CUSTOMER);
        if (technician != null) {
            technician.writeAndFlush(frame);
        }
    }

    private byte[] newId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return id;
    }

    private static RelayFrame status(Offer offer, HandoverOutcome outcome, String technician, String detail) {
        return status(offer, offer == null ? HandoverKind.HANDOVER_KIND_UNSPECIFIED : offer.kind, outcome, technician, detail);
    }

    private static RelayFrame status(Offer offer, HandoverKind kind, HandoverOutcome outcome, String technician, String detail) {
        HandoverStatus.Builder status = HandoverStatus.newBuilder().setKind(kind).setOutcome(outcome)
                .setTechnician(technician).setDetail(detail);
        if (offer != null) {
            status.setOfferId(ByteString.copyFrom(offer.id));
        }
        return RelayFrame.newBuilder().setHandoverStatus(status).build();
    }

    private RelayFrame paired(PairedSession session, byte[] token, Role peerRole) {
        return RelayFrame.newBuilder().setPaired(Paired.newBuilder()
                .setSessionId(ByteString.copyFrom(session.id()))
                .setResumeToken(ByteString.copyFrom(token))
                .setCustomerName(session.customerName())
                .setPeerRole(peerRole)
                .setResumeGraceSeconds(sessions.graceSeconds())
                .setViaQueue(true)).build();
    }

    private static void replyOn(Channel channel, RelayFrame frame) {
        channel.writeAndFlush(frame).addListener(f -> {
            if (f.isSuccess()) {
                Reads.next(channel);
            }
        });
    }
}
