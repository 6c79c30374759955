package dev.lifeline.common.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.ReplayedMessageException;
import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.common.identity.TechnicianVerification.Problem;
import dev.lifeline.common.identity.TechnicianVerification.Status;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.e2e.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final OrganisationCa ACME = OrganisationCa.create("Acme IT");
    private static final TechnicianIdentity DANA = ACME.issueTechnician("Dana Scully", Duration.ofDays(30));
    private static final Clock NOW = Clock.systemUTC();

    private static HandshakePair pair(String customerSecret, String technicianSecret) {
        return new HandshakePair(customerSecret, technicianSecret, ACME.root(), DANA, NOW);
    }

    @Test
    void fullHandshakeAgreesOnKeysAndChatFlowsBothWays() throws Exception {
        HandshakePair p = pair("290573", "290573");
        p.start();
        p.run();
        assertTrue(p.customer.isComplete());
        assertTrue(p.technician.isComplete());

        HandshakeResult c = p.customer.result();
        HandshakeResult t = p.technician.result();
        assertArrayEquals(c.transcriptHash(), t.transcriptHash());
        assertArrayEquals(c.keys().customerToTechnicianKey(), t.keys().customerToTechnicianKey());
        assertArrayEquals(c.keys().technicianToCustomerKey(), t.keys().technicianToCustomerKey());

        TechnicianVerification who = c.technician();
        assertEquals(Status.VERIFIED, who.status());
        assertEquals("Dana Scully", who.name());
        assertEquals("Acme IT", who.organisation());
        assertNull(t.technician());

        Sealed hello = c.sealer().seal(utf8("my printer is on fire"));
        assertEquals("my printer is on fire", new String(t.opener().open(hello), StandardCharsets.UTF_8));
        Sealed reply = t.sealer().seal(utf8("unplug it"));
        assertEquals("unplug it", new String(c.opener().open(reply), StandardCharsets.UTF_8));
        assertThrows(ReplayedMessageException.class, () -> t.opener().open(hello));
    }

    @Test
    void wrongSecretFailsWithWrongCodeOnBothEnds() {
        HandshakePair p = pair("290573", "290574");
        p.start();
        // Deliver everything, collecting each end's own failure: the customer must see
        // WRONG_CODE itself (it counts attempts), not just an abort from the technician.
        HandshakeFailedException customerFailure = null;
        HandshakeFailedException technicianFailure = null;
        while (!p.toCustomer.isEmpty() || !p.toTechnician.isEmpty()) {
            HandshakeMessage m = p.toCustomer.poll();
            if (m != null && customerFailure == null) {
                try {
                    p.toTechnician.addAll(p.customer.receive(m));
                } catch (HandshakeFailedException e) {
                    customerFailure = e;
                }
            }
            m = p.toTechnician.poll();
            if (m != null && technicianFailure == null) {
                try {
                    p.toCustomer.addAll(p.technician.receive(m));
                } catch (HandshakeFailedException e) {
                    technicianFailure = e;
                }
            }
        }
        assertEquals(Reason.WRONG_CODE, customerFailure.reason());
        assertTrue(customerFailure.codeAttemptSpent());
        assertEquals(Reason.WRONG_CODE, technicianFailure.reason());
        assertFalse(p.customer.isComplete());
        assertThrows(IllegalStateException.class, p.customer::result);
        assertEquals("WRONG_CODE", customerFailure.abortMessage().getAbort().getReason());
    }

    @Test
    void wrongSecretIsDetectedByTheCustomerEvenIfTheTechnicianSeesItFirst() throws Exception {
        for (int i = 0; i < 5; i++) {
            HandshakePair p = pair("111111", "222222");
            p.start();
            HandshakeMessage customerHello = p.toTechnician.poll();
            HandshakeMessage technicianHello = p.toCustomer.poll();
            HandshakeMessage customerRound2 = p.customer.receive(technicianHello).get(0);
            HandshakeMessage technicianRound2 = p.technician.receive(customerHello).get(0);
            HandshakeMessage technicianFinished = p.technician.receive(customerRound2).get(0);
            HandshakeMessage customerFinished = p.customer.receive(technicianRound2).get(0);
            HandshakeFailedException onTechnician = assertThrows(HandshakeFailedException.class,
                    () -> p.technician.receive(customerFinished));
            assertEquals(Reason.WRONG_CODE, onTechnician.reason());
            HandshakeFailedException onCustomer = assertThrows(HandshakeFailedException.class,
                    () -> p.customer.receive(technicianFinished));
            assertEquals(Reason.WRONG_CODE, onCustomer.reason());
            assertTrue(p.customer.codeAttemptSpent());
        }
    }

    @Test
    void technicianOfAnotherOrganisationCompletesUntrustedWithItsName() throws Exception {
        OrganisationCa evil = OrganisationCa.create("Evil Corp");
        TechnicianIdentity mallory = evil.issueTechnician("Mallory", Duration.ofDays(30));
        HandshakePair p = new HandshakePair("123456", "123456", ACME.root(), mallory, NOW);
        p.start();
        p.run();
        TechnicianVerification who = p.customer.result().technician();
        assertEquals(Status.UNTRUSTED, who.status());
        assertEquals(Problem.OTHER_ORGANISATION, who.detail());
        assertEquals("Mallory", who.name());
        assertEquals("Evil Corp", who.organisation());
    }

    @Test
    void noPinnedRootCompletesWithNoPinnedRoot() throws Exception {
        HandshakePair p = new HandshakePair("123456", "123456", null, DANA, NOW);
        p.start();
        p.run();
        assertEquals(Status.NO_PINNED_ROOT, p.customer.result().technician().status());
        assertEquals("Dana Scully", p.customer.result().technician().name());
    }

    @Test
    void expiredCertificateCompletesUntrustedWithDetail() throws Exception {
        TechnicianIdentity shortLived = ACME.issueTechnician("Brief", Duration.ofHours(1));
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        HandshakePair p = new HandshakePair("123456", "123456", ACME.root(), shortLived, tomorrow);
        p.start();
        p.run();
        assertEquals(Status.UNTRUSTED, p.customer.result().technician().status());
        assertEquals(Problem.EXPIRED, p.customer.result().technician().detail());
    }

    @Test
    void certificateSwappedInFlightFailsTheHandshake() {
        // The relay replaces Dana's chain with another Acme technician's: the transcripts differ.
        TechnicianIdentity other = ACME.issueTechnician("Fox", Duration.ofDays(30));
        HandshakePair p = pair("123456", "123456");
        p.start();
        UnaryOperator<HandshakeMessage> swapChain = m -> !m.hasTechnicianHello() ? m
                : m.toBuilder().setTechnicianHello(m.getTechnicianHello().toBuilder().clearCertificateChain()
                        .addAllCertificateChain(other.certificateChainDer().stream().map(ByteString::copyFrom).toList()))
                        .build();
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> p.run(UnaryOperator.identity(), swapChain));
        assertEquals(Reason.BAD_FINISHED_MAC, e.reason());
    }

    @Test
    void unknownFieldAddedInFlightFailsTheHandshake() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        UnaryOperator<HandshakeMessage> addField = m -> {
            if (!m.hasCustomerHello()) {
                return m;
            }
            byte[] bytes = m.toByteArray();
            byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            longer[bytes.length] = (byte) (99 << 3); // field 99, varint
            longer[bytes.length + 1] = 1;
            try {
                return HandshakeMessage.parseFrom(longer);
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
            }
        };
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> p.run(addField, UnaryOperator.identity()));
        assertEquals(Reason.BAD_FINISHED_MAC, e.reason());
    }

    @Test
    void flippedPakeByteIsRejected() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        UnaryOperator<HandshakeMessage> flip = m -> {
            if (!m.hasPakeRound2()) {
                return m;
            }
            byte[] r = m.getPakeRound2().getKnowledgeProofX2S().getR().toByteArray();
            r[r.length - 1] ^= 1;
            return m.toBuilder().setPakeRound2(m.getPakeRound2().toBuilder().setKnowledgeProofX2S(
                    m.getPakeRound2().getKnowledgeProofX2S().toBuilder().setR(ByteString.copyFrom(r)))).build();
        };
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> p.run(flip, UnaryOperator.identity()));
        assertEquals(Reason.MALFORMED_MESSAGE, e.reason());
    }

    @Test
    void forgedTranscriptSignatureIsBadSignature() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        UnaryOperator<HandshakeMessage> forge = m -> {
            if (!m.hasFinished()) {
                return m;
            }
            byte[] sig = m.getFinished().getTranscriptSignature().toByteArray();
            sig[0] ^= 1;
            return m.toBuilder().setFinished(m.getFinished().toBuilder().setTranscriptSignature(ByteString.copyFrom(sig))).build();
        };
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> p.run(UnaryOperator.identity(), forge));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertTrue(e.codeAttemptSpent());
    }

    @Test
    void replayedFinishedIsUnexpected() throws Exception {
        HandshakePair p = pair("123456", "123456");
        p.start();
        HandshakeMessage[] technicianFinished = new HandshakeMessage[1];
        p.run(UnaryOperator.identity(), m -> {
            if (m.hasFinished()) {
                technicianFinished[0] = m;
            }
            return m;
        });
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> p.customer.receive(technicianFinished[0]));
        assertEquals(Reason.UNEXPECTED_MESSAGE, e.reason());
        assertTrue(p.customer.isComplete(), "a replay does not tear down the established keys");
    }

    @Test
    void secondHelloAndOutOfOrderMessagesAreUnexpected() throws Exception {
        HandshakePair p = pair("123456", "123456");
        p.start();
        HandshakeMessage technicianHello = p.toCustomer.peek();
        p.customer.receive(technicianHello);
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> p.customer.receive(technicianHello));
        assertEquals(Reason.UNEXPECTED_MESSAGE, e.reason());
        assertFalse(e.codeAttemptSpent());
        // Once failed, everything after is refused too.
        assertEquals(Reason.UNEXPECTED_MESSAGE, assertThrows(HandshakeFailedException.class,
                () -> p.customer.receive(technicianHello)).reason());

        HandshakePair q = pair("123456", "123456");
        q.start();
        HandshakeMessage finishedTooEarly = HandshakeMessage.newBuilder()
                .setFinished(dev.lifeline.common.wire.e2e.Finished.getDefaultInstance()).build();
        assertEquals(Reason.UNEXPECTED_MESSAGE, assertThrows(HandshakeFailedException.class,
                () -> q.technician.receive(finishedTooEarly)).reason());
    }

    @Test
    void ownHelloReflectedBackIsUnexpected() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        HandshakeMessage ownHello = p.toTechnician.peek();
        assertEquals(Reason.UNEXPECTED_MESSAGE, assertThrows(HandshakeFailedException.class,
                () -> p.customer.receive(ownHello)).reason());
    }

    @Test
    void abortFromPeer() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        HandshakeMessage abort = new HandshakeFailedException(Reason.WRONG_CODE, "x", false).abortMessage();
        assertEquals(Reason.ABORTED_BY_PEER, assertThrows(HandshakeFailedException.class,
                () -> p.technician.receive(abort)).reason());
    }

    @Test
    void otherVersionAndLowOrderX25519KeyAreMalformed() {
        HandshakePair p = pair("123456", "123456");
        p.start();
        HandshakeMessage hello = p.toCustomer.peek();
        HandshakeMessage v2 = hello.toBuilder().setTechnicianHello(hello.getTechnicianHello().toBuilder().setHandshakeVersion(2)).build();
        assertEquals(Reason.MALFORMED_MESSAGE, assertThrows(HandshakeFailedException.class, () -> p.customer.receive(v2)).reason());

        HandshakePair q = pair("123456", "123456");
        q.start();
        HandshakeMessage zeroKey = hello.toBuilder().setTechnicianHello(hello.getTechnicianHello().toBuilder()
                .setX25519Public(ByteString.copyFrom(new byte[32]))).build();
        assertEquals(Reason.MALFORMED_MESSAGE, assertThrows(HandshakeFailedException.class, () -> q.customer.receive(zeroKey)).reason());
    }

    @Test
    void secretMustBeSixDigits() {
        SecureRandom random = new SecureRandom();
        assertThrows(IllegalArgumentException.class,
                () -> new CustomerHandshake("12345", HandshakePair.SESSION, null, random, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new TechnicianHandshake("12345a", HandshakePair.SESSION, DANA, random));
    }

    @Test
    void sessionIdIsBoundIntoTheKeys() throws Exception {
        SecureRandom random = new SecureRandom();
        CustomerHandshake customer = new CustomerHandshake("123456", utf8("session-A"), ACME.root(), random, NOW);
        TechnicianHandshake technician = new TechnicianHandshake("123456", utf8("session-B"), DANA, random);
        List<HandshakeMessage> ch = customer.start();
        List<HandshakeMessage> th = technician.start();
        HandshakeMessage cr2 = customer.receive(th.get(0)).get(0);
        HandshakeMessage tr2 = technician.receive(ch.get(0)).get(0);
        HandshakeMessage tf = technician.receive(cr2).get(0);
        customer.receive(tr2);
        assertEquals(Reason.BAD_FINISHED_MAC, assertThrows(HandshakeFailedException.class, () -> customer.receive(tf)).reason());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
