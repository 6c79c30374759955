package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.handover.HandoverTicket;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.crypto.Direction;
import dev.lifeline.common.crypto.RecordedTrafficOpener;
import dev.lifeline.common.crypto.TamperedMessageException;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.wire.e2e.E2eEnvelope;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transfer end to end (issue 6): a real relay with H2 and the organisation CA on loopback, real TLS.
 * Alice picks Dana from the queue; Bob is signed in; Alice hands Dana over to Bob. Dana's app is
 * told, Bob's certificate is checked, the two chat with fresh keys that Alice's keys do not open,
 * Alice's session ends as handed over, and the billing row goes to Bob with the handover's time.
 */
class TransferOverRelayTest {
    @RegisterExtension
    final TeamRelay relay = new TeamRelay(options -> options
            .forwardedFrameListener((sessionId, from, seq, payload) -> this.forwarded.add(new Forwarded(from, payload))));
    private long aliceId;
    private long bobId;
    /** Every Data payload the relay forwarded, with its direction. */
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    record Forwarded(Role from, byte[] payload) {
    }

    @BeforeEach
    void team() throws Exception {
        aliceId = relay.technician("Alice Meyer");
        bobId = relay.technician("Bob Stone");
        relay.contract("Bakery Schmidt", new Contract.TimeAndMaterial(9000, 15));
    }

    /** Each session's keys, seen through LiveSession's test tap. */
    private final java.util.Map<LiveSession, TrafficKeys> keys = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        LiveSession.handshakeKeysTap = null;
    }

    @Test
    void aliceHandsDanaToBobWhoChatsWithFreshKeysAndIsBilled() throws Exception {
        LiveSession.handshakeKeysTap = keys::put;
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.robot(),
                new QueueRequest("printer prints blank pages", "", "Bakery Schmidt")), "Dana Customer", s -> s.allowControl(true));
        customer.awaitPrefix("queued");
        Team alice = Team.signIn(relay.client(), "Alice Meyer");
        Team bob = Team.signIn(relay.client(), "Bob Stone");
        WaitingCustomer dana = alice.firstWaiting();
        assertTrue(alice.awaitRoster("Bob Stone"), "Alice sees Bob among the signed-in technicians");

        CompletableFuture<TechnicianSessionHandle> aliceHandle = new CompletableFuture<>();
        HeadlessRun aliceRun = HeadlessRun.started(listener -> {
            TechnicianSessionHandle h = relay.client().pick(alice.me.identity(),
                    new QueueTicket(alice.me.sessionToken(), dana.entryId(), dana.name()), listener);
            aliceHandle.complete(h);
            return h;
        });
        assertEquals("verified: Alice Meyer (ACME Support)", customer.awaitPrefix("verified: "));
        aliceRun.awaitPrefix("verified: ");
        customer.type("hello Alice");
        aliceRun.awaitPrefix("chat: hello Alice");
        TrafficKeys aliceKeys = keys.get((LiveSession) aliceHandle.get());
        aliceHandle.get().requestCapabilities(java.util.Set.of(dev.lifeline.common.consent.Capability.CONTROL_INPUT), "driver");
        customer.awaitPrefix("control: request answered yes");

        aliceRun.type("/transfer Bob Stone");
        assertEquals("handover: Transfer to Bob Stone: waiting for an answer", aliceRun.awaitPrefix("handover: "));
        HandoverOfferInfo offer = bob.offers.poll(20, TimeUnit.SECONDS);
        assertEquals("Alice Meyer wants to hand Dana Customer over to you", offer.question());

        CompletableFuture<TechnicianSessionHandle> bobHandle = new CompletableFuture<>();
        HeadlessRun bobRun = HeadlessRun.started(listener -> {
            TechnicianSessionHandle h = relay.client().takeOver(bob.me.identity(),
                    new HandoverTicket(bob.me.sessionToken(), offer.offerId(), offer.kind()), listener);
            bobHandle.complete(h);
            return h;
        });
        assertEquals("ended: handed-over: handed over to Bob Stone", aliceRun.awaitPrefix("ended: "));
        assertEquals(0, aliceRun.awaitExit(), "a handover is a normal end for Alice");
        assertTrue(customer.awaitPrefix("handover: ").startsWith("handover: Alice Meyer is handing you over to Bob Stone."));
        assertEquals("verified: Bob Stone (ACME Support)", customer.awaitPrefix("verified: Bob"));
        bobRun.awaitPrefix("verified: Dana Customer");
        forwarded.clear();

        customer.type("still blank pages");
        bobRun.awaitPrefix("chat: still blank pages");
        bobRun.type("let me look at the driver");
        customer.awaitPrefix("chat: let me look at the driver");
        assertTrue(customer.lines().stream().noneMatch(l -> l.startsWith("ended")), "Dana's session went on through the handover");
        // Dana let Alice control; that grant did not pass to Bob: his input is refused until Dana says yes to him.
        bobHandle.get().sendInput(new dev.lifeline.client.control.RemoteInput.Text("x"));
        assertTrue(bobRun.awaitPrefix("refused: ").startsWith("refused: control_input"), bobRun.lines()::toString);

        // What the relay forwarded after the handover: Alice's keys open none of it, Bob's open all.
        TrafficKeys bobKeys = keys.get((LiveSession) bobHandle.get());
        int sealed = 0;
        for (Forwarded f : forwarded) {
            E2eEnvelope envelope = E2eEnvelope.parseFrom(f.payload());
            if (!envelope.hasSealed()) {
                continue;
            }
            sealed++;
            boolean fromCustomer = f.from() == Role.CUSTOMER;
            // Openers that take any counter: only the key decides.
            assertThrows(TamperedMessageException.class, () -> opener(aliceKeys, fromCustomer).open(envelope.getSealed()),
                    "Alice's old keys must not open a frame sent after the handover");
            SessionMessage.parseFrom(opener(bobKeys, fromCustomer).open(envelope.getSealed()));
        }
        assertTrue(sealed >= 2, "chat went both ways after the handover: " + sealed);

        bobRun.type("/end");
        assertEquals(0, bobRun.awaitExit());
        assertEquals(0, customer.awaitExit());

        // The relay's record: one session, finished by Bob, with the handover time splitting the work.
        long sessionId = awaitBilledSession();
        try (Connection c = relay.database().dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select technician_id from support_sessions where id = ?")) {
            q.setLong(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(bobId, rs.getLong(1));
            }
        }
        List<BillingStore.Share> shares = new BillingStore(relay.database(), new ContractStore(relay.database())).shares(sessionId);
        assertEquals(2, shares.size(), shares::toString);
        assertEquals(aliceId, shares.get(0).accountId());
        assertEquals(bobId, shares.get(1).accountId());
        assertEquals(shares.get(0).toMs(), shares.get(1).fromMs(), "Bob's part starts where Alice's ends");
        assertTrue(shares.get(1).toMs() >= shares.get(1).fromMs());
        assertTrue(auditActions().contains("session.transfer"));
        alice.team.close();
        bob.team.close();
    }

    @Test
    void bobDeclinesAndAliceKeepsTheSession() throws Exception {
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.robot(),
                new QueueRequest("help", "", "Bakery Schmidt")), "Dana Customer");
        customer.awaitPrefix("queued");
        Team alice = Team.signIn(relay.client(), "Alice Meyer");
        Team bob = Team.signIn(relay.client(), "Bob Stone");
        WaitingCustomer dana = alice.firstWaiting();
        HeadlessRun aliceRun = HeadlessRun.started(listener -> relay.client().pick(alice.me.identity(),
                new QueueTicket(alice.me.sessionToken(), dana.entryId(), dana.name()), listener));
        customer.awaitPrefix("verified: ");
        aliceRun.awaitPrefix("verified: ");

        aliceRun.type("/transfer Nobody Here");
        assertEquals("handover: Transfer to Nobody Here: Nobody Here is not signed in", aliceRun.awaitPrefix("handover: "));
        alice.awaitRoster("Bob Stone");
        aliceRun.type("/transfer Bob Stone");
        aliceRun.awaitPrefix("handover: Transfer to Bob Stone: waiting");
        aliceRun.type("/transfer Bob Stone");
        assertEquals("handover: Transfer to Bob Stone: a transfer is already waiting for an answer",
                aliceRun.awaitPrefix("handover: Transfer to Bob Stone: a transfer"));
        bob.team.decline(bob.offers.poll(20, TimeUnit.SECONDS));
        assertEquals("handover: Transfer to Bob Stone: declined — you keep the session",
                aliceRun.awaitPrefix("handover: Transfer to Bob Stone: declined"));

        customer.type("are you still there?");
        aliceRun.awaitPrefix("chat: are you still there?");
        assertFalse(customer.lines().stream().anyMatch(l -> l.contains("handing you over")), customer.lines()::toString);
        aliceRun.type("/end");
        assertEquals(0, aliceRun.awaitExit());
        assertEquals(0, customer.awaitExit());
        assertTrue(auditActions().contains("handover.decline"));
        alice.team.close();
        bob.team.close();
    }

    private static RecordedTrafficOpener opener(TrafficKeys keys, boolean fromCustomer) {
        return RecordedTrafficOpener.of(keys, fromCustomer ? Direction.CUSTOMER_TO_TECHNICIAN : Direction.TECHNICIAN_TO_CUSTOMER);
    }

    private long awaitBilledSession() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection c = relay.database().dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("select session_id from billing_entries");
                 ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no billing entry was written");
    }

    private List<String> auditActions() throws Exception {
        for (int i = 0; i < 100; i++) {
            List<String> actions = new ArrayList<>();
            try (Connection c = relay.database().dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("select action from audit_log order by seq");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            if (actions.contains("session.transfer") || actions.contains("handover.decline")) {
                return actions;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    /** A Console's team connection: signed in, listening for offers, watching the roster and queue. */
    static final class Team {
        final BlockingQueue<HandoverOfferInfo> offers = new LinkedBlockingQueue<>();
        final BlockingQueue<HandoverEvent> events = new LinkedBlockingQueue<>();
        final BlockingQueue<List<String>> rosters = new LinkedBlockingQueue<>();
        final CompletableFuture<List<WaitingCustomer>> queue = new CompletableFuture<>();
        SignedInTechnician me;
        TeamConnection team;

        static Team signIn(RelayClient client, String name) throws Exception {
            Team t = new Team();
            CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
            t.team = TeamConnection.signIn(client.group().next(), client.endpoint(), name, TeamRelay.PASSWORD.toCharArray(), null,
                    new TeamConnection.Listener() {
                        @Override
                        public void signedIn(SignedInTechnician technician) {
                            signedIn.complete(technician);
                        }

                        @Override
                        public void signInFailed(SignInFailure failure) {
                            signedIn.completeExceptionally(new AssertionError(failure.toString()));
                        }

                        @Override
                        public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                            if (!waiting.isEmpty()) {
                                t.queue.complete(waiting);
                            }
                        }

                        @Override
                        public void roster(List<String> technicians) {
                            t.rosters.add(technicians);
                        }

                        @Override
                        public void offer(HandoverOfferInfo offer) {
                            t.offers.add(offer);
                        }

                        @Override
                        public void handover(HandoverEvent event) {
                            t.events.add(event);
                        }

                        @Override
                        public void closed(String why) {
                        }
                    });
            t.me = signedIn.get(20, TimeUnit.SECONDS);
            return t;
        }

        WaitingCustomer firstWaiting() throws Exception {
            return queue.get(20, TimeUnit.SECONDS).get(0);
        }

        boolean awaitRoster(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                List<String> roster = rosters.poll(1, TimeUnit.SECONDS);
                if (roster != null && roster.contains(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
