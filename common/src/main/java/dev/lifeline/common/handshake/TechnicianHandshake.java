package dev.lifeline.common.handshake;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.e2e.CustomerHello;
import dev.lifeline.common.wire.e2e.Finished;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.e2e.TechnicianHello;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * The technician's end of the code-flow handshake. Messages from the customer must arrive as
 * CustomerHello, PakeRound2, Finished, in that order. The technician's Finished carries an
 * Ed25519 signature of the transcript with its certificate key. Not thread-safe; runs a few ms
 * of P-256 work per step.
 */
public final class TechnicianHandshake extends RoleHandshake {
    private final TechnicianIdentity identity;

    public TechnicianHandshake(String secret6Digits, byte[] sessionId, TechnicianIdentity identity, SecureRandom random) {
        super(new HandshakeParticipant(Role.TECHNICIAN, secret6Digits, sessionId, random));
        this.identity = Objects.requireNonNull(identity);
    }

    /** The TechnicianHello with the certificate chain. */
    @Override
    HandshakeMessage ownHello() {
        TechnicianHello.Builder hello = TechnicianHello.newBuilder()
                .setHandshakeVersion(HandshakeParticipant.HANDSHAKE_VERSION)
                .setX25519Public(ByteString.copyFrom(participant.x25519Public()))
                .setPakeRound1(participant.round1());
        identity.certificateChainDer().forEach(der -> hello.addCertificateChain(ByteString.copyFrom(der)));
        HandshakeMessage message = HandshakeMessage.newBuilder().setTechnicianHello(hello).build();
        participant.ownHello(message);
        return message;
    }

    @Override
    List<HandshakeMessage> onPeerHello(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasCustomerHello()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected CustomerHello, got " + message.getStepCase());
        }
        CustomerHello hello = message.getCustomerHello();
        participant.acceptPeerHello(message, hello.getHandshakeVersion(), hello.getX25519Public(),
                hello.hasPakeRound1(), hello.getPakeRound1());
        return List.of(participant.round2());
    }

    @Override
    List<HandshakeMessage> onPeerRound2(HandshakeMessage message) throws HandshakeFailedException {
        participant.acceptPeerRound2(message);
        byte[] signature = identity.sign(TranscriptSignature.signedBytes(participant.transcriptHash()));
        Finished finished = participant.finished().setTranscriptSignature(ByteString.copyFrom(signature)).build();
        return List.of(HandshakeMessage.newBuilder().setFinished(finished).build());
    }

    @Override
    HandshakeResult onPeerFinished(HandshakeMessage message) throws HandshakeFailedException {
        Finished finished = message.getFinished();
        if (!finished.getTranscriptSignature().isEmpty()) {
            throw participant.fail(Reason.MALFORMED_MESSAGE, "customer Finished carries a signature");
        }
        participant.checkPeerFinished(finished);
        TrafficKeys keys = participant.schedule().trafficKeys();
        return new HandshakeResult(keys, keys.forTechnician(), null, participant.transcriptHash());
    }
}
