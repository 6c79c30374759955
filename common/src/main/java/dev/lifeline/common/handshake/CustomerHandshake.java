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
 * per step, so call it off the network event loop.
 */
public final class CustomerHandshake implements Handshake {
    enum State { NEW, AWAITING_HELLO, AWAITING_ROUND2, AWAITING_FINISHED, COMPLETE, FAILED }

    private final HandshakeParticipant participant;
    private final OrganisationRoot pinnedRoot;
    private final Clock clock;
    private State state = State.NEW;
    private List<byte[]> technicianChain;
    private HandshakeResult result;

    /** @param pinnedRootOrNull the organisation root from the installer bundle; null when none is pinned */
    public CustomerHandshake(String secret6Digits, byte[] sessionId, OrganisationRoot pinnedRootOrNull,
            SecureRandom random, Clock clock) {
        this.participant = new HandshakeParticipant(Role.CUSTOMER, secret6Digits, sessionId, random);
        this.pinnedRoot = pinnedRootOrNull;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The CustomerHello; send it at once, without waiting for the technician. */
    public List<HandshakeMessage> start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        HandshakeMessage hello = HandshakeMessage.newBuilder().setCustomerHello(CustomerHello.newBuilder()
                .setHandshakeVersion(HandshakeParticipant.HANDSHAKE_VERSION)
                .setX25519Public(ByteString.copyFrom(participant.x25519Public()))
                .setPakeRound1(participant.round1())).build();
        participant.ownHello(hello);
        state = State.AWAITING_HELLO;
        return List.of(hello);
    }

    /** Handles one message from the technician and returns what to send back (maybe nothing). */
    public List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException {
        Objects.requireNonNull(message);
        if (state == State.COMPLETE) {
            // A replayed or late handshake message; the established session keys stay valid.
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
            case ABORT -> throw participant.fail(Reason.ABORTED_BY_PEER, "technician aborted");
            case STEP_NOT_SET -> throw participant.fail(Reason.MALFORMED_MESSAGE, "empty handshake message");
            default -> { }
        }
        return switch (state) {
            case AWAITING_HELLO -> onTechnicianHello(message);
            case AWAITING_ROUND2 -> onTechnicianRound2(message);
            case AWAITING_FINISHED -> onTechnicianFinished(message);
            default -> throw new IllegalStateException(state.name());
        };
    }

    private List<HandshakeMessage> onTechnicianHello(HandshakeMessage message) throws HandshakeFailedException {
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
        HandshakeMessage round2 = participant.round2();
        state = State.AWAITING_ROUND2;
        return List.of(round2);
    }

    private List<HandshakeMessage> onTechnicianRound2(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasPakeRound2()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected PakeRound2, got " + message.getStepCase());
        }
        participant.acceptPeerRound2(message);
        HandshakeMessage finished = HandshakeMessage.newBuilder().setFinished(participant.finished()).build();
        state = State.AWAITING_FINISHED;
        return List.of(finished);
    }

    private List<HandshakeMessage> onTechnicianFinished(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.hasFinished()) {
            throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected Finished, got " + message.getStepCase());
        }
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
        result = new HandshakeResult(keys, keys.forCustomer(), technician, participant.transcriptHash());
        participant.destroy();
        state = State.COMPLETE;
        return List.of();
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /**
     * True once the customer's Finished went out: the peer could then test one guess of the
     * secret. If the handshake fails or the connection drops after this, count it as an attempt.
     */
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
        return "CustomerHandshake[" + state + "]";
    }
}
