package dev.lifeline.common.handshake;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.identity.CertificateChainVerifier;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.common.wire.e2e.CustomerHello;
import dev.lifeline.common.wire.e2e.Finished;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.e2e.TechnicianHello;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The customer's end of the code-flow handshake. Messages from the technician must arrive as
 * TechnicianHello, PakeRound2, Finished, in that order; anything else fails the handshake.
 * A technician certificate that does not chain to the pinned root does not fail it: the result
 * says UNTRUSTED and the app shows a red warning. Not thread-safe; runs a few ms of P-256 work
 * per step.
 */
public final class CustomerHandshake extends RoleHandshake {
    private final OrganisationRoot pinnedRoot;
    private final Clock clock;
    private List<byte[]> technicianChain;

    /** @param pinnedRootOrNull the organisation root from the installer bundle; null when none is pinned */
    public CustomerHandshake(String secret6Digits, byte[] sessionId, OrganisationRoot pinnedRootOrNull,
            SecureRandom random, Clock clock) {
        super(new HandshakeParticipant(Role.CUSTOMER, secret6Digits, sessionId, random));
        this.pinnedRoot = pinnedRootOrNull;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The CustomerHello; sent at once, without waiting for the technician. */
    @Override
    HandshakeMessage ownHello() {
        HandshakeMessage hello = HandshakeMessage.newBuilder().setCustomerHello(CustomerHello.newBuilder()
                .setHandshakeVersion(HandshakeParticipant.HANDSHAKE_VERSION)
                .setX25519Public(ByteString.copyFrom(participant.x25519Public()))
                .setPakeRound1(participant.round1())).build();
        participant.ownHello(hello);
        return hello;
    }

    @Override
    List<HandshakeMessage> onPeerHello(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasTechnicianHello()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected TechnicianHello, got " + message.getStepCase());
        }
        TechnicianHello hello = message.getTechnicianHello();
        if (hello.getCertificateChainCount() == 0) {
            throw participant.fail(Reason.MALFORMED_MESSAGE, "TechnicianHello without certificate");
        }
        participant.acceptPeerHello(message, hello.getHandshakeVersion(), hello.getX25519Public(),
                hello.hasPakeRound1(), hello.getPakeRound1());
        technicianChain = new ArrayList<>();
        hello.getCertificateChainList().forEach(der -> technicianChain.add(der.toByteArray()));
        return List.of(participant.round2());
    }

    @Override
    List<HandshakeMessage> onPeerRound2(HandshakeMessage message) throws HandshakeFailedException {
        participant.acceptPeerRound2(message);
        return List.of(HandshakeMessage.newBuilder().setFinished(participant.finished()).build());
    }

    @Override
    HandshakeResult onPeerFinished(HandshakeMessage message) throws HandshakeFailedException {
        Finished finished = message.getFinished();
        participant.checkPeerFinished(finished);
        TechnicianVerification technician = CertificateChainVerifier.verify(technicianChain, pinnedRoot, clock.instant());
        byte[] leafKey = technician.leafPublicKey();
        if (leafKey == null) {
            throw participant.fail(Reason.MALFORMED_MESSAGE, "technician certificate unreadable");
        }
        byte[] signed = TranscriptSignature.signedBytes(participant.transcriptHash());
        if (!Ed25519.verify(leafKey, signed, finished.getTranscriptSignature().toByteArray())) {
            throw participant.fail(Reason.BAD_SIGNATURE, "transcript signature does not verify");
        }
        TrafficKeys keys = participant.schedule().trafficKeys();
        return new HandshakeResult(keys, keys.forCustomer(), technician, participant.transcriptHash());
    }
}
