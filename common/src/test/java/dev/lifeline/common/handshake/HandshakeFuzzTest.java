package dev.lifeline.common.handshake;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Arbitrary bytes from the relay, parsed as a HandshakeMessage and fed to either end at one of
 * three stages (fresh, after the peer's Hello, after the peer's round 2). The only acceptable
 * outcomes are a parse error, a {@link HandshakeFailedException}, or a normal step; anything
 * else (NPE, BC IllegalStateException, ArithmeticException, ...) fails the test.
 * Saved inputs under src/test/resources/.../HandshakeFuzzTestInputs/ run in every mvn test;
 * fuzz for real with JAZZER_FUZZ=1.
 */
class HandshakeFuzzTest {
    private static final OrganisationCa CA = OrganisationCa.create("Fuzz Org");
    private static final TechnicianIdentity TECH = CA.issueTechnician("Fuzzy", Duration.ofDays(30));
    private static final String SECRET = "424242";

    @FuzzTest(maxDuration = "30s")
    void customerReceives(byte[] data) throws Exception {
        HandshakeMessage message = parse(data);
        if (message == null) {
            return;
        }
        HandshakePair p = new HandshakePair(SECRET, SECRET, CA.root(), TECH, Clock.systemUTC());
        p.start();
        int stage = (data[0] & 0xff) % 3;
        if (stage >= 1) {
            p.customer.receive(p.toCustomer.poll());
        }
        if (stage >= 2) {
            HandshakeMessage technicianRound2 = p.technician.receive(p.toTechnician.poll()).get(0);
            p.customer.receive(technicianRound2);
        }
        try {
            p.customer.receive(message);
        } catch (HandshakeFailedException expected) {
            // the one allowed failure
        }
    }

    @FuzzTest(maxDuration = "30s")
    void technicianReceives(byte[] data) throws Exception {
        HandshakeMessage message = parse(data);
        if (message == null) {
            return;
        }
        HandshakePair p = new HandshakePair(SECRET, SECRET, CA.root(), TECH, Clock.systemUTC());
        p.start();
        int stage = (data[0] & 0xff) % 3;
        if (stage >= 1) {
            p.technician.receive(p.toTechnician.poll());
        }
        if (stage >= 2) {
            HandshakeMessage customerRound2 = p.customer.receive(p.toCustomer.poll()).get(0);
            p.technician.receive(customerRound2);
        }
        try {
            p.technician.receive(message);
        } catch (HandshakeFailedException expected) {
            // the one allowed failure
        }
    }

    /** First byte picks the stage, the rest is the message; null when protobuf refuses it. */
    private static HandshakeMessage parse(byte[] data) {
        if (data.length == 0) {
            return null;
        }
        try {
            return HandshakeMessage.parseFrom(Arrays.copyOfRange(data, 1, data.length));
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }
}
