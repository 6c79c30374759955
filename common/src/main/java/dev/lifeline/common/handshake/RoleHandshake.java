package dev.lifeline.common.handshake;

import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.util.List;
import java.util.Objects;

/**
 * The state machine both roles share: Hello, then PakeRound2, then Finished from the peer, in
 * that order; anything else, an abort or an empty message fails the handshake for good. The
 * roles fill in what each step sends and checks.
 */
abstract sealed class RoleHandshake implements Handshake permits CustomerHandshake, TechnicianHandshake {
    enum State { NEW, AWAITING_HELLO, AWAITING_ROUND2, AWAITING_FINISHED, COMPLETE, FAILED }

    protected final HandshakeParticipant participant;
    private State state = State.NEW;
    private HandshakeResult result;

    RoleHandshake(HandshakeParticipant participant) {
        this.participant = participant;
    }

    /** This role's Hello, already recorded in the transcript. */
    abstract HandshakeMessage ownHello();

    abstract List<HandshakeMessage> onPeerHello(HandshakeMessage message) throws HandshakeFailedException;

    abstract List<HandshakeMessage> onPeerRound2(HandshakeMessage message) throws HandshakeFailedException;

    /** Checks the peer's Finished and returns the result of the completed handshake. */
    abstract HandshakeResult onPeerFinished(HandshakeMessage message) throws HandshakeFailedException;

    @Override
    public final List<HandshakeMessage> start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        HandshakeMessage hello = ownHello();
        state = State.AWAITING_HELLO;
        return List.of(hello);
    }

    @Override
    public final List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException {
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
            case ABORT -> throw participant.fail(Reason.ABORTED_BY_PEER,
                    participant.role().peer().participantId() + " aborted");
            case STEP_NOT_SET -> throw participant.fail(Reason.MALFORMED_MESSAGE, "empty handshake message");
            default -> { }
        }
        switch (state) {
            case AWAITING_HELLO -> {
                List<HandshakeMessage> reply = onPeerHello(message);
                state = State.AWAITING_ROUND2;
                return reply;
            }
            case AWAITING_ROUND2 -> {
                if (!message.hasPakeRound2()) {
                    throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected PakeRound2, got " + message.getStepCase());
                }
                List<HandshakeMessage> reply = onPeerRound2(message);
                state = State.AWAITING_FINISHED;
                return reply;
            }
            case AWAITING_FINISHED -> {
                if (!message.hasFinished()) {
                    throw participant.fail(Reason.UNEXPECTED_MESSAGE, "expected Finished, got " + message.getStepCase());
                }
                result = onPeerFinished(message);
                participant.destroy();
                state = State.COMPLETE;
                return List.of();
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    @Override
    public final boolean isComplete() {
        return state == State.COMPLETE;
    }

    /**
     * True once this end's Finished went out: the peer could then test one guess of the secret.
     * If the handshake fails or the connection drops after this, count it as an attempt.
     */
    @Override
    public final boolean codeAttemptSpent() {
        return participant.finishedSent();
    }

    @Override
    public final HandshakeResult result() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("handshake not complete");
        }
        return result;
    }

    final State state() {
        return state;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + state + "]";
    }
}
