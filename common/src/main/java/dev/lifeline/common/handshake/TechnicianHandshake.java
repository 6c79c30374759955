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
 * of P-256 work per step, so call it off the network event loop.
 */
public final class TechnicianHandshake implements Handshake {
    enum State { NEW, AWAITING_HELLO, AWAITING_ROUND2, AWAITING_FINISHED, COMPLETE, FAILED }

    private final HandshakeParticipant participant;
    private final TechnicianIdentity identity;
    private State state = State.NEW;
    private HandshakeResult result;

    public TechnicianHandshake(String secret6Digits, byte[] sessionId, TechnicianIdentity identity, SecureRandom random) {
        this.participant = new HandshakeParticipant(Role.TECHNICIAN, secret6Digits, sessionId, random);
        this.identity = Objects.requireNonNull(identity);
    }

    /** The TechnicianHello with the certificate chain; send it at once. */
    public List<HandshakeMessage> start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        TechnicianHello.Builder hello = TechnicianHello.newBuilder()
                .setHandshakeVersion(HandshakeParticipant.HANDSHAKE_VERSION)
                .setX25519Public(ByteString.copyFrom(participant.x25519Public()))
                .setPakeRound1(participant.round1());
        identity.certificateChainDer().forEach(der -> hello.addCertificateChain(ByteString.copyFrom(der)));
        HandshakeMessage message = HandshakeMessage.newBuilder().setTechnicianHello(hello).build();
        participant.ownHello(message);
        state = State.AWAITING_HELLO;
        return List.of(message);
    }

    /** Handles one message from the customer and returns what to send back (maybe nothing). */
    public List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException {
        Objects.requireNonNull(message);
        if (state == State.COMPLETE) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "handshake already complete");
        }
        try {
            return step(message);
        } catch (HandshakeFailedException e) {
            state = State.FAILED;
            participant.destroy();
            throw e;
        }
    }

    private List<HandshakeMessage> step(HandshakeMessage message) throws HandshakeFailedException {
        if (state == State.NEW || state == State.FAILED) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "handshake is " + state);
        }
        switch (message.getStepCase()) {
            case ABORT -> throw participant.fail(Reason.ABORTED_BY_PEER, "customer aborted");
            case STEP_NOT_SET -> throw participant.fail(Reason.MALFORMED_MESSAGE, "empty handshake message");
            default -> { }
        }
        return switch (state) {
            case AWAITING_HELLO -> onCustomerHello(message);
            case AWAITING_ROUND2 -> onCustomerRound2(message);
            case AWAITING_FINISHED -> onCustomerFinished(message);
            default -> throw new IllegalStateException(state.name());
        };
    }

    private List<HandshakeMessage> onCustomerHello(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasCustomerHello()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected CustomerHello, got " + message.getStepCase());
        }
        CustomerHello hello = message.getCustomerHello();
        participant.acceptPeerHello(message, hello.getHandshakeVersion(), hello.getX25519Public(),
                hello.hasPakeRound1(), hello.getPakeRound1());
        HandshakeMessage round2 = participant.round2();
        state = State.AWAITING_ROUND2;
        return List.of(round2);
    }

    private List<HandshakeMessage> onCustomerRound2(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasPakeRound2()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected PakeRound2, got " + message.getStepCase());
        }
        participant.acceptPeerRound2(message);
        byte[] signature = identity.sign(TranscriptSignature.signedBytes(participant.transcriptHash()));
        Finished finished = participant.finished().setTranscriptSignature(ByteString.copyFrom(signature)).build();
        state = State.AWAITING_FINISHED;
        return List.of(HandshakeMessage.newBuilder().setFinished(finished).build());
    }

    private List<HandshakeMessage> onCustomerFinished(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasFinished()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected Finished, got " + message.getStepCase());
        }
        Finished finished = message.getFinished();
        if (!finished.getTranscriptSignature().isEmpty()) {
            throw participant.fail(Reason.MALFORMED_MESSAGE, "customer Finished carries a signature");
        }
        participant.checkPeerFinished(finished);
        TrafficKeys keys = participant.schedule().trafficKeys();
        result = new HandshakeResult(keys, keys.forTechnician(), null, participant.transcriptHash());
        participant.destroy();
        state = State.COMPLETE;
        return List.of();
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** True once this end's Finished went out (the peer could test one guess of the secret). */
    public boolean codeAttemptSpent() {
        return participant.finishedSent();
    }

    public HandshakeResult result() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("handshake not complete");
        }
        return result;
    }

    State state() {
        return state;
    }

    @Override
    public String toString() {
        return "TechnicianHandshake[" + state + "]";
    }
}
