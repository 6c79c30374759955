package dev.lifeline.common.session;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.crypto.SealedMessageRejectedException;
import dev.lifeline.common.crypto.TrafficOpener;
import dev.lifeline.common.crypto.TrafficSealer;
import dev.lifeline.common.delivery.DeliveryProtocolException;
import dev.lifeline.common.delivery.ReliableDelivery;
import dev.lifeline.common.handshake.Handshake;
import dev.lifeline.common.handshake.HandshakeFailedException;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.wire.e2e.E2eEnvelope;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.relay.Ack;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.RelayFrame;
import java.util.List;
import java.util.Objects;

/**
 * One end of an end-to-end session, without the network: the handshake, then sealed messages,
 * all carried by {@link ReliableDelivery} so that nothing is lost or applied twice across a
 * dropped connection. Frames go out through an {@link Outbox}; the owner decides whether a link
 * is there to carry them (if not, they wait in the resend buffer). Not thread-safe: the owning
 * session thread calls every method.
 */
public final class EndToEndSession {
    /** Where outgoing relay frames go. */
    public interface Outbox {
        void send(RelayFrame frame);
    }

    /** What happened end to end. */
    public interface Events {
        void onSecured(HandshakeResult result);

        void onMessage(SessionMessage message);

        /** The session cannot go on: handshake failure, sealed-message rejection or a delivery breach. */
        void onFailure(EndToEndFailure failure);
    }

    private enum State { NEW, HANDSHAKING, SECURED, FAILED }

    private final Handshake handshake;
    private final Outbox outbox;
    private final Events events;
    private final ReliableDelivery delivery = new ReliableDelivery();
    private State state = State.NEW;
    private TrafficSealer sealer;
    private TrafficOpener opener;
    private boolean linkUp = true;

    public EndToEndSession(Handshake handshake, Outbox outbox, Events events) {
        this.handshake = Objects.requireNonNull(handshake);
        this.outbox = Objects.requireNonNull(outbox);
        this.events = Objects.requireNonNull(events);
    }

    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        state = State.HANDSHAKING;
        sendHandshake(handshake.start());
    }

    public boolean isSecured() {
        return state == State.SECURED;
    }

    /** Bytes sent and not yet acknowledged by the peer (kept for resending after a resume). */
    public long unackedBytes() {
        return delivery.unackedBytes();
    }

    /** Seals and sends a message; only after the handshake. */
    public void send(SessionMessage message) {
        if (state != State.SECURED) {
            throw new IllegalStateException("not secured yet");
        }
        E2eEnvelope envelope = E2eEnvelope.newBuilder().setSealed(sealer.seal(message.toByteArray())).build();
        push(delivery.send(envelope.toByteString()));
    }

    public void onData(Data data) {
        if (state == State.FAILED) {
            return;
        }
        try {
            if (!delivery.accept(data)) {
                return;
            }
            outbox.send(RelayFrame.newBuilder().setAck(delivery.ack()).build());
            handle(E2eEnvelope.parseFrom(data.getPayload()));
        } catch (DeliveryProtocolException | InvalidProtocolBufferException e) {
            fail(new EndToEndFailure(EndToEndFailure.Kind.PROTOCOL, e.getMessage(), e));
        } catch (HandshakeFailedException e) {
            fail(new EndToEndFailure(EndToEndFailure.Kind.HANDSHAKE, e.getMessage(), e));
        } catch (SealedMessageRejectedException e) {
            fail(new EndToEndFailure(EndToEndFailure.Kind.REJECTED_MESSAGE, e.getMessage(), e));
        }
    }

    public void onAck(Ack ack) {
        if (state == State.FAILED) {
            return;
        }
        try {
            List<Data> resend = delivery.onAck(ack);
            if (ack.getResync()) {
                // The peer said what it has: resend the rest in order, then new frames may follow.
                for (Data data : resend) {
                    outbox.send(RelayFrame.newBuilder().setData(data).build());
                }
                linkUp = true;
            }
        } catch (DeliveryProtocolException e) {
            fail(new EndToEndFailure(EndToEndFailure.Kind.PROTOCOL, e.getMessage(), e));
        }
    }

    /** The link to the relay is gone: keep new frames for resending instead of writing them. */
    public void linkDown() {
        linkUp = false;
    }

    /**
     * Both ends are reachable again: ask the peer to resend what we lack; it does the same. New
     * frames wait until the peer's resync ack has told us where to resume, so that they cannot
     * overtake the frames we must resend.
     */
    public void linkRestored() {
        linkUp = false;
        outbox.send(RelayFrame.newBuilder().setAck(delivery.resyncAck()).build());
    }

    private void handle(E2eEnvelope envelope)
            throws HandshakeFailedException, InvalidProtocolBufferException, SealedMessageRejectedException {
        switch (envelope.getBodyCase()) {
            case HANDSHAKE -> {
                if (state != State.HANDSHAKING) {
                    throw new DeliveryProtocolException("handshake message after the handshake");
                }
                sendHandshake(handshake.receive(envelope.getHandshake()));
                if (handshake.isComplete()) {
                    HandshakeResult result = handshake.result();
                    sealer = result.sealer();
                    opener = result.opener();
                    state = State.SECURED;
                    events.onSecured(result);
                }
            }
            case SEALED -> {
                if (state != State.SECURED) {
                    throw new DeliveryProtocolException("sealed message before the handshake completed");
                }
                events.onMessage(SessionMessage.parseFrom(opener.open(envelope.getSealed())));
            }
            default -> throw new DeliveryProtocolException("empty end-to-end envelope");
        }
    }

    private void sendHandshake(List<HandshakeMessage> messages) {
        for (HandshakeMessage message : messages) {
            ByteString payload = E2eEnvelope.newBuilder().setHandshake(message).build().toByteString();
            push(delivery.send(payload));
        }
    }

    private void push(Data data) {
        if (linkUp) {
            outbox.send(RelayFrame.newBuilder().setData(data).build());
        }
    }

    private void fail(EndToEndFailure failure) {
        state = State.FAILED;
        events.onFailure(failure);
    }
}
