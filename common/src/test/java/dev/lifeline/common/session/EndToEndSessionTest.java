package dev.lifeline.common.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.handshake.CustomerHandshake;
import dev.lifeline.common.handshake.HandshakeFailedException;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.handshake.TechnicianHandshake;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.e2e.ChatMessage;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.relay.RelayFrame;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two ends wired through an in-memory "relay" that can lose, replay or alter frames. */
class EndToEndSessionTest {
    private static final OrganisationCa CA = OrganisationCa.create("ACME Support");
    private static final TechnicianIdentity ALICE = CA.issueTechnician("Alice Meyer", Duration.ofDays(1));
    private final SecureRandom random = new SecureRandom();
    private final byte[] sessionId = new byte[16];

    private static final class End implements EndToEndSession.Events {
        final Deque<RelayFrame> wire = new ArrayDeque<>();
        final List<String> chats = new ArrayList<>();
        HandshakeResult secured;
        EndToEndFailure failure;
        EndToEndSession session;

        @Override
        public void onSecured(HandshakeResult result) {
            secured = result;
        }

        @Override
        public void onMessage(SessionMessage message) {
            chats.add(message.getChat().getText());
        }

        @Override
        public void onFailure(EndToEndFailure f) {
            failure = f;
        }

        void chat(String text) {
            session.send(SessionMessage.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build());
        }
    }

    private End customer;
    private End technician;

    private void pair(String customerSecret, String technicianSecret) {
        random.nextBytes(sessionId);
        customer = new End();
        technician = new End();
        customer.session = new EndToEndSession(new CustomerHandshake(customerSecret, sessionId, CA.root(), random, Clock.systemUTC()),
                customer.wire::add, customer);
        technician.session = new EndToEndSession(new TechnicianHandshake(technicianSecret, sessionId, ALICE, random),
                technician.wire::add, technician);
        customer.session.start();
        technician.session.start();
    }

    /** Delivers every queued frame both ways until nothing moves. */
    private void pump() {
        while (!customer.wire.isEmpty() || !technician.wire.isEmpty()) {
            deliver(customer.wire, technician.session);
            deliver(technician.wire, customer.session);
        }
    }

    private static void deliver(Deque<RelayFrame> from, EndToEndSession to) {
        RelayFrame frame = from.poll();
        if (frame == null) {
            return;
        }
        if (frame.hasData()) {
            to.onData(frame.getData());
        } else if (frame.hasAck()) {
            to.onAck(frame.getAck());
        }
    }

    @Test
    void secureChatBothWays() {
        pair("123456", "123456");
        pump();
        assertTrue(customer.session.isSecured() && technician.session.isSecured());
        assertEquals("Alice Meyer", customer.secured.technician().name());
        customer.chat("hello");
        technician.chat("hi there");
        pump();
        assertEquals(List.of("hello"), technician.chats);
        assertEquals(List.of("hi there"), customer.chats);
    }

    @Test
    void wrongSecretFailsTheHandshakeOnBothEnds() {
        pair("123456", "654321");
        pump();
        assertEquals(EndToEndFailure.Kind.HANDSHAKE, customer.failure.kind());
        assertEquals(HandshakeFailedException.Reason.WRONG_CODE, customer.failure.handshakeFailure().orElseThrow().reason());
        assertEquals(EndToEndFailure.Kind.HANDSHAKE, technician.failure.kind());
    }

    @Test
    void framesLostInACutAreResentOnceAfterResync() {
        pair("123456", "123456");
        pump();
        technician.chat("one");
        pump();
        technician.chat("two");
        technician.chat("three");
        technician.wire.clear(); // the connection dropped with these in flight
        customer.session.linkDown();
        technician.chat("four"); // written while the relay had no peer: dropped there too
        technician.wire.clear();
        customer.session.linkRestored();
        technician.session.linkRestored();
        pump();
        assertEquals(List.of("one", "two", "three", "four"), customer.chats);
    }

    @Test
    void newLinesTypedRightAfterAResumeDoNotOvertakeTheResentOnes() {
        pair("123456", "123456");
        pump();
        technician.chat("before");
        pump();
        technician.session.linkDown(); // the relay told the technician the customer is away
        technician.chat("during"); // kept for resending
        customer.session.linkRestored(); // the customer is back...
        technician.session.linkRestored(); // ...and the technician heard so
        technician.chat("after"); // typed before the customer's resync ack arrived
        pump();
        assertEquals(List.of("before", "during", "after"), customer.chats);
        assertEquals(null, customer.failure);
    }

    @Test
    void replayedFrameWithANewSequenceNumberIsRefused() {
        pair("123456", "123456");
        pump();
        technician.chat("pay 10 EUR");
        RelayFrame original = technician.wire.peek();
        pump();
        // A hostile relay re-sends the sealed envelope under the next sequence number.
        customer.session.onData(original.getData().toBuilder().setSeq(original.getData().getSeq() + 1).build());
        assertEquals(EndToEndFailure.Kind.REJECTED_MESSAGE, customer.failure.kind());
        assertEquals(List.of("pay 10 EUR"), customer.chats);
    }

    @Test
    void alteredCiphertextIsRefused() {
        pair("123456", "123456");
        pump();
        technician.chat("hello");
        RelayFrame frame = technician.wire.poll();
        byte[] payload = frame.getData().getPayload().toByteArray();
        payload[payload.length - 1] ^= 1;
        customer.session.onData(frame.getData().toBuilder().setPayload(ByteString.copyFrom(payload)).build());
        assertEquals(EndToEndFailure.Kind.REJECTED_MESSAGE, customer.failure.kind());
        assertTrue(customer.chats.isEmpty());
    }
}
