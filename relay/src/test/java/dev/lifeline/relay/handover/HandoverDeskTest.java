package dev.lifeline.relay.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.HandoverAnswer;
import dev.lifeline.common.wire.relay.HandoverKind;
import dev.lifeline.common.wire.relay.HandoverListen;
import dev.lifeline.common.wire.relay.HandoverNotice;
import dev.lifeline.common.wire.relay.HandoverOutcome;
import dev.lifeline.common.wire.relay.HandoverReady;
import dev.lifeline.common.wire.relay.HandoverRequest;
import dev.lifeline.common.wire.relay.HandoverStatus;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.WatchEnd;
import dev.lifeline.common.wire.relay.WatchJoin;
import dev.lifeline.relay.accounts.Account;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.forwarding.ForwardingHandler;
import dev.lifeline.relay.forwarding.PairedSession;
import dev.lifeline.relay.forwarding.SessionLifecycle;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import dev.lifeline.relay.signin.SignedInAccount;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.AttributeKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handover desk with EmbeddedChannels and a real SessionTable and ForwardingHandlers: every
 * frame of transfer and watch, forged and out-of-place frames, the limits, and offer expiry.
 */
class HandoverDeskTest {
    private static final AttributeKey<SignedInAccount> SIGNED_IN = AttributeKey.valueOf("lifeline.signedIn");

    private final SessionTable table = new SessionTable(Duration.ofSeconds(60));
    private final List<String> records = new ArrayList<>();
    private final HandoverDesk desk = new HandoverDesk(table, new HandoverRecords() {
        @Override
        public void audit(String actor, String action, String detail) {
            records.add(actor + " " + action + " " + detail);
        }

        @Override
        public void transferred(Entry entry, long fromAccountId, long toAccountId, long atMs) {
            records.add("transferred " + fromAccountId + "->" + toAccountId);
        }
    }, Clock.systemUTC(), Duration.ofSeconds(60));

    private EmbeddedChannel customer;
    private EmbeddedChannel alice;
    private PairedSession session;
    private final List<String> ended = new ArrayList<>();

    @BeforeEach
    void pair() throws Exception {
        table.frames(desk);
        customer = channel();
        alice = channel();
        signIn(alice, 1, "Alice Meyer");
        session = table.pair("Dana", customer, alice, new SessionLifecycle() {
            @Override
            public void sessionEnded(PairedSession s) {
                ended.add("session");
            }

            @Override
            public void customerRejectedPeer(ChannelHandlerContext ctx, PairedSession s) {
            }
        }).session();
        customer.pipeline().addLast(new ForwardingHandler(table, session, Role.CUSTOMER, ForwardedFrameListener.NONE));
        alice.pipeline().addLast(new ForwardingHandler(table, session, Role.TECHNICIAN, ForwardedFrameListener.NONE));
    }

    @Test
    void transferMovesTheTechnicianSideAndHoldsTheCustomerUntilReady() throws Exception {
        Fake bobTeam = listening(2, "Bob Stone");
        assertEquals(List.of("Bob Stone"), roster(bobTeam.next()));

        request(HandoverKind.HANDOVER_TRANSFER, "Bob Stone");
        assertEquals(HandoverOutcome.OUTCOME_PENDING, status(alice).getOutcome());
        RelayFrame offer = bobTeam.next();
        assertEquals("Alice Meyer", offer.getHandoverOffer().getFromTechnician());
        assertEquals("Dana", offer.getHandoverOffer().getCustomerName());

        Fake bobTake = signedInConnection(2, "Bob Stone", Role.TECHNICIAN);
        desk.handleInLobby(bobTake, answer(offer, true));

        // Alice: completed, then Close; her channel no longer speaks for the session.
        assertEquals(HandoverOutcome.OUTCOME_COMPLETED, status(alice).getOutcome());
        RelayFrame close = alice.readOutbound();
        assertEquals(CloseReason.ENDED_BY_TECHNICIAN, close.getClose().getReason());
        // The customer: notice, then a fresh Paired in queue flow.
        customer.runPendingTasks();
        HandoverNotice notice = ((RelayFrame) customer.readOutbound()).getHandoverNotice();
        assertEquals("Bob Stone", notice.getToTechnician());
        RelayFrame customerPaired = customer.readOutbound();
        assertTrue(customerPaired.getPaired().getViaQueue());
        // Bob: his take is answered, and he is paired.
        assertEquals(HandoverOutcome.OUTCOME_COMPLETED, bobTake.next().getHandoverStatus().getOutcome());
        assertTrue(bobTake.next().hasPaired());
        assertTrue(records.contains("transferred 1->2"), records::toString);

        // Until HandoverReady, the customer's frames (sealed for Alice) reach nobody.
        customer.writeInbound(data(41));
        assertNull(bobTake.channel.readOutbound());
        customer.writeInbound(RelayFrame.newBuilder().setHandoverReady(HandoverReady.getDefaultInstance()).build());
        customer.writeInbound(data(1));
        assertEquals(1, ((RelayFrame) bobTake.channel.readOutbound()).getData().getSeq());
        // Alice's connection is closed by the relay; Bob's frames reach the customer.
        alice.runPendingTasks();
        assertFalse(alice.isOpen());
        bobTake.channel.writeInbound(data(7));
        customer.runPendingTasks();
        assertEquals(7, ((RelayFrame) customer.readOutbound()).getData().getSeq());
        assertNull(customer.readOutbound());
        // Alice's old resume token is dead.
        assertNull(table.resume(new byte[32], Role.TECHNICIAN, alice));
    }

    @Test
    void theOfferCarriesTheProblemAndNoteAndRefusesAnOverlongNote() throws Exception {
        Fake bobTeam = listening(2, "Bob Stone");
        bobTeam.next(); // roster
        alice.writeInbound(RelayFrame.newBuilder().setHandoverRequest(HandoverRequest.newBuilder()
                .setKind(HandoverKind.HANDOVER_TRANSFER).setTechnician("Bob Stone")
                .setProblem("printer prints blank pages").setNote("driver reinstalled, still blank")).build());
        assertEquals(HandoverOutcome.OUTCOME_PENDING, status(alice).getOutcome());
        RelayFrame offer = bobTeam.next();
        assertEquals("printer prints blank pages", offer.getHandoverOffer().getProblem());
        assertEquals("driver reinstalled, still blank", offer.getHandoverOffer().getNote());

        alice.writeInbound(RelayFrame.newBuilder().setHandoverRequest(HandoverRequest.newBuilder()
                .setKind(HandoverKind.HANDOVER_WATCH).setTechnician("Bob Stone")
                .setNote("x".repeat(HandoverDesk.MAX_NOTE + 1))).build());
        HandoverStatus refused = status(alice);
        assertEquals(HandoverOutcome.OUTCOME_INVALID, refused.getOutcome());
        assertTrue(refused.getDetail().contains("at most 500"), refused.getDetail());
        assertNull(lastOffer(bobTeam), "no offer for a refused request");
        assertTrue(alice.isOpen(), "a refused request is not fatal");
    }

    @Test
    void declineAndExpiryLeaveTheSessionWithAlice() throws Exception {
        Fake bobTeam = listening(2, "Bob Stone");
        bobTeam.next();
        request(HandoverKind.HANDOVER_TRANSFER, "Bob Stone");
        status(alice);
        RelayFrame offer = bobTeam.next();
        request(HandoverKind.HANDOVER_TRANSFER, "Bob Stone");
        assertEquals(HandoverOutcome.OUTCOME_TRANSFER_PENDING, status(alice).getOutcome(), "one transfer pending at a time");

        desk.handleInLobby(bobTeam, answer(offer, false));
        assertEquals(HandoverOutcome.OUTCOME_DECLINED, status(alice).getOutcome());
        assertEquals(HandoverOutcome.OUTCOME_DECLINED, bobTeam.next().getHandoverStatus().getOutcome());
        // A used offer cannot be taken afterwards.
        Fake late = signedInConnection(2, "Bob Stone", Role.TECHNICIAN);
        desk.handleInLobby(late, answer(offer, true));
        assertEquals(HandoverOutcome.OUTCOME_INVALID, late.next().getHandoverStatus().getOutcome());

        request(HandoverKind.HANDOVER_TRANSFER, "Bob Stone");
        status(alice);
        RelayFrame second = bobTeam.next();
        alice.advanceTimeBy(61, TimeUnit.SECONDS);
        alice.runScheduledPendingTasks();
        assertEquals(HandoverOutcome.OUTCOME_EXPIRED, status(alice).getOutcome());
        Fake tooLate = signedInConnection(2, "Bob Stone", Role.TECHNICIAN);
        desk.handleInLobby(tooLate, answer(second, true));
        assertEquals(HandoverOutcome.OUTCOME_INVALID, tooLate.next().getHandoverStatus().getOutcome());
        // Data still flows between Dana and Alice.
        customer.writeInbound(data(5));
        alice.runPendingTasks();
        assertEquals(5, ((RelayFrame) alice.readOutbound()).getData().getSeq());
        assertTrue(records.stream().anyMatch(r -> r.contains("handover.expire")), records::toString);
    }

    @Test
    void badRequestsGetTypedAnswersAndForgedFramesCloseOnlyTheirConnection() throws Exception {
        listening(2, "Bob Stone").next();
        request(HandoverKind.HANDOVER_TRANSFER, "Nobody");
        assertEquals(HandoverOutcome.OUTCOME_UNKNOWN_TECHNICIAN, status(alice).getOutcome());
        request(HandoverKind.HANDOVER_TRANSFER, "Alice Meyer");
        assertEquals(HandoverOutcome.OUTCOME_INVALID, status(alice).getOutcome(), "not to oneself");
        request(HandoverKind.HANDOVER_KIND_UNSPECIFIED, "Bob Stone");
        assertEquals(HandoverOutcome.OUTCOME_INVALID, status(alice).getOutcome());
        request(HandoverKind.HANDOVER_TRANSFER, "x".repeat(101));
        assertEquals(HandoverOutcome.OUTCOME_INVALID, status(alice).getOutcome());

        // Someone not signed in cannot listen or answer.
        Fake anonymous = new Fake(new EmbeddedChannel(), Role.TECHNICIAN);
        desk.handleInLobby(anonymous, RelayFrame.newBuilder().setHandoverListen(HandoverListen.getDefaultInstance()).build());
        assertEquals(HandoverOutcome.OUTCOME_NOT_SIGNED_IN, anonymous.next().getHandoverStatus().getOutcome());
        desk.handleInLobby(anonymous, RelayFrame.newBuilder().setHandoverAnswer(HandoverAnswer.newBuilder()
                .setOfferId(ByteString.copyFrom(new byte[16])).setAccept(true)).build());
        assertEquals(HandoverOutcome.OUTCOME_NOT_SIGNED_IN, anonymous.next().getHandoverStatus().getOutcome());
        // A garbage offer id or watch ticket.
        Fake bob = signedInConnection(2, "Bob Stone", Role.TECHNICIAN);
        desk.handleInLobby(bob, RelayFrame.newBuilder().setHandoverAnswer(HandoverAnswer.newBuilder()
                .setOfferId(ByteString.copyFrom(new byte[3])).setAccept(true)).build());
        assertEquals(HandoverOutcome.OUTCOME_INVALID, bob.next().getHandoverStatus().getOutcome());
        Fake stranger = new Fake(new EmbeddedChannel(), Role.CUSTOMER);
        desk.handleInLobby(stranger, RelayFrame.newBuilder().setWatchJoin(WatchJoin.newBuilder()
                .setWatchTicket(ByteString.copyFrom(new byte[16]))).build());
        assertEquals(ErrorCode.INVALID_REQUEST, stranger.fatal);

        // The customer cannot hand itself over; the technician cannot say HandoverReady.
        customer.writeInbound(RelayFrame.newBuilder().setHandoverRequest(HandoverRequest.newBuilder()
                .setKind(HandoverKind.HANDOVER_TRANSFER).setTechnician("Bob Stone")).build());
        assertEquals(ErrorCode.UNEXPECTED_FRAME, ((RelayFrame) customer.readOutbound()).getError().getCode());
        EmbeddedChannel other = channel();
        PairedSession second = table.pair("Eve", channel(), other, noLifecycle()).session();
        other.pipeline().addLast(new ForwardingHandler(table, second, Role.TECHNICIAN, ForwardedFrameListener.NONE));
        other.writeInbound(RelayFrame.newBuilder().setHandoverReady(HandoverReady.getDefaultInstance()).build());
        assertEquals(ErrorCode.UNEXPECTED_FRAME, ((RelayFrame) other.readOutbound()).getError().getCode());
        // Alice on the first session is unaffected.
        assertTrue(alice.isActive());
        assertFalse(session.isEnded());
    }

    @Test
    void watchNeedsTheCustomerAndHasItsOwnSessionAndLimits() throws Exception {
        Fake bobTeam = listening(2, "Bob Stone");
        Fake carolTeam = listening(3, "Carol King");
        Fake daveTeam = listening(4, "Dave Lee");
        request(HandoverKind.HANDOVER_WATCH, "Bob Stone");
        assertEquals(HandoverOutcome.OUTCOME_PENDING, status(alice).getOutcome());
        request(HandoverKind.HANDOVER_WATCH, "Carol King");
        status(alice);
        request(HandoverKind.HANDOVER_WATCH, "Dave Lee");
        assertEquals(HandoverOutcome.OUTCOME_TOO_MANY_WATCHERS, status(alice).getOutcome());
        request(HandoverKind.HANDOVER_WATCH, "Bob Stone");
        assertEquals(HandoverOutcome.OUTCOME_TOO_MANY_WATCHERS, status(alice).getOutcome());

        RelayFrame bobOffer = lastOffer(bobTeam);
        Fake bobTake = signedInConnection(2, "Bob Stone", Role.TECHNICIAN);
        desk.handleInLobby(bobTake, answer(bobOffer, true));
        assertNull(bobTake.channel.readOutbound(), "Bob waits for the customer");
        customer.runPendingTasks();
        HandoverNotice notice = ((RelayFrame) customer.readOutbound()).getHandoverNotice();
        assertEquals(HandoverKind.HANDOVER_WATCH, notice.getKind());
        assertEquals(16, notice.getWatchTicket().size());
        assertEquals(HandoverOutcome.OUTCOME_PENDING, status(alice).getOutcome());

        // The customer's second connection joins with the ticket: a session of its own.
        Fake customer2 = new Fake(channel(), Role.CUSTOMER);
        desk.handleInLobby(customer2, RelayFrame.newBuilder().setWatchJoin(WatchJoin.newBuilder()
                .setWatchTicket(notice.getWatchTicket())).build());
        RelayFrame customerPaired = customer2.next();
        assertTrue(customerPaired.getPaired().getViaQueue());
        assertEquals(HandoverOutcome.OUTCOME_WATCH_STARTED, bobTake.next().getHandoverStatus().getOutcome());
        RelayFrame bobPaired = bobTake.next();
        assertEquals(customerPaired.getPaired().getSessionId(), bobPaired.getPaired().getSessionId());
        assertFalse(customerPaired.getPaired().getSessionId().equals(ByteString.copyFrom(session.id())),
                "the watch is a session of its own");
        assertEquals(HandoverOutcome.OUTCOME_WATCH_STARTED, status(alice).getOutcome());
        // The ticket was single use.
        Fake again = new Fake(channel(), Role.CUSTOMER);
        desk.handleInLobby(again, RelayFrame.newBuilder().setWatchJoin(WatchJoin.newBuilder()
                .setWatchTicket(notice.getWatchTicket())).build());
        assertEquals(ErrorCode.INVALID_REQUEST, again.fatal);

        // Traffic of the watch goes between the customer's second connection and Bob only.
        customer2.channel.writeInbound(data(3));
        assertEquals(3, ((RelayFrame) bobTake.channel.readOutbound()).getData().getSeq());
        alice.runPendingTasks();
        assertNull(alice.readOutbound());

        // Carol's invitation: the customer says no.
        Fake carolTake = signedInConnection(3, "Carol King", Role.TECHNICIAN);
        desk.handleInLobby(carolTake, answer(lastOffer(carolTeam), true));
        customer.runPendingTasks();
        HandoverNotice carolNotice = ((RelayFrame) customer.readOutbound()).getHandoverNotice();
        status(alice);
        customer.writeInbound(RelayFrame.newBuilder().setHandoverReady(HandoverReady.newBuilder()
                .setWatchTicket(carolNotice.getWatchTicket()).setAccept(false)).build());
        assertEquals(HandoverOutcome.OUTCOME_REFUSED_BY_CUSTOMER, carolTake.next().getHandoverStatus().getOutcome());
        assertEquals(ErrorCode.PEER_GONE, carolTake.fatal);
        assertEquals(HandoverOutcome.OUTCOME_REFUSED_BY_CUSTOMER, status(alice).getOutcome());

        // Alice ends Bob's watch: both ends of the watch are closed, the main session goes on.
        alice.writeInbound(RelayFrame.newBuilder().setWatchEnd(WatchEnd.newBuilder().setTechnician("Bob Stone")).build());
        customer2.channel.runPendingTasks();
        bobTake.channel.runPendingTasks();
        assertEquals(CloseReason.ENDED_BY_TECHNICIAN, ((RelayFrame) customer2.channel.readOutbound()).getClose().getReason());
        assertEquals(CloseReason.ENDED_BY_TECHNICIAN, ((RelayFrame) bobTake.channel.readOutbound()).getClose().getReason());
        alice.runPendingTasks();
        assertEquals(HandoverOutcome.OUTCOME_WATCH_ENDED, status(alice).getOutcome());
        assertFalse(session.isEnded());
        assertTrue(records.stream().anyMatch(r -> r.startsWith("Bob Stone watch.start")), records::toString);
        assertTrue(records.stream().anyMatch(r -> r.startsWith("Bob Stone watch.end")), records::toString);
        daveTeam.channel.finishAndReleaseAll();
    }

    // ------------------------------------------------------------------ helpers

    private void request(HandoverKind kind, String to) {
        alice.writeInbound(RelayFrame.newBuilder().setHandoverRequest(HandoverRequest.newBuilder()
                .setKind(kind).setTechnician(to)).build());
    }

    private static HandoverStatus status(EmbeddedChannel channel) {
        channel.runPendingTasks();
        RelayFrame frame = channel.readOutbound();
        assertTrue(frame != null && frame.hasHandoverStatus(), "expected a status, got " + frame);
        return frame.getHandoverStatus();
    }

    private static RelayFrame answer(RelayFrame offer, boolean accept) {
        return RelayFrame.newBuilder().setHandoverAnswer(HandoverAnswer.newBuilder()
                .setOfferId(offer.getHandoverOffer().getOfferId()).setAccept(accept)).build();
    }

    private static List<String> roster(RelayFrame frame) {
        return frame.getHandoverRoster().getTechniciansList();
    }

    private RelayFrame lastOffer(Fake team) {
        RelayFrame last = null;
        for (RelayFrame f; (f = team.channel.readOutbound()) != null; ) {
            if (f.hasHandoverOffer()) {
                last = f;
            }
        }
        return last;
    }

    private static RelayFrame data(long seq) {
        return RelayFrame.newBuilder().setData(Data.newBuilder().setSeq(seq).setPayload(ByteString.copyFromUtf8("x"))).build();
    }

    private Fake listening(long id, String name) {
        Fake team = signedInConnection(id, name, Role.TECHNICIAN);
        desk.handleInLobby(team, RelayFrame.newBuilder().setHandoverListen(HandoverListen.getDefaultInstance()).build());
        return team;
    }

    private Fake signedInConnection(long id, String name, Role role) {
        EmbeddedChannel channel = new EmbeddedChannel();
        signIn(channel, id, name);
        return new Fake(channel, role);
    }

    private static void signIn(Channel channel, long id, String name) {
        channel.attr(SIGNED_IN).set(new SignedInAccount(new Account(id, name, AccountRole.TECHNICIAN, false, false, 0, 0, 0), "t" + id));
    }

    private static EmbeddedChannel channel() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ch.config().setAutoRead(false);
        ch.register();
        return ch;
    }

    private static SessionLifecycle noLifecycle() {
        return new SessionLifecycle() {
            @Override
            public void sessionEnded(PairedSession s) {
            }

            @Override
            public void customerRejectedPeer(ChannelHandlerContext ctx, PairedSession s) {
            }
        };
    }

    /** A lobby connection on an EmbeddedChannel, as the lobby handler would offer it to the desk. */
    private final class Fake implements LobbyConnection {
        final EmbeddedChannel channel;
        final Role role;
        ErrorCode fatal;

        Fake(EmbeddedChannel channel, Role role) {
            this.channel = channel;
            this.role = role;
        }

        RelayFrame next() {
            channel.runPendingTasks();
            RelayFrame frame = channel.readOutbound();
            assertTrue(frame != null, "expected a frame");
            return frame;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String sourceAddress() {
            return "127.0.0.1";
        }

        @Override
        public void reply(RelayFrame frame) {
            channel.writeOutbound(frame);
        }

        @Override
        public void push(RelayFrame frame) {
            channel.writeOutbound(frame);
        }

        @Override
        public void fatal(ErrorCode code, String message) {
            fatal = code;
            channel.close();
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public Optional<Entry> waitForTechnician(String customerName, Duration lifetime) {
            return Optional.empty();
        }

        @Override
        public boolean pairWith(Entry entry) {
            return false;
        }

        @Override
        public boolean joinSession(PairedSession joined, Role side, RelayFrame... frames) {
            if (!channel.isActive()) {
                return false;
            }
            channel.pipeline().addLast(new ForwardingHandler(table, joined, side, ForwardedFrameListener.NONE));
            for (RelayFrame frame : frames) {
                channel.writeOutbound(frame);
            }
            return true;
        }
    }
}
