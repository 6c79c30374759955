package dev.lifeline.client.watch;

import com.google.protobuf.ByteString;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.sharing.ScreenSharing;
import dev.lifeline.client.sharing.SharingEvents;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.handshake.CustomerHandshake;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.common.pairing.QueueFlow;
import dev.lifeline.common.session.EndToEndFailure;
import dev.lifeline.common.session.EndToEndSession;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.e2e.WatchedChat;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.WatchJoin;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's end-to-end channel to one watcher (issue 6): a second relay connection, paired
 * by the watch ticket, its own queue-flow handshake (the watcher's certificate must be VERIFIED
 * and carry the announced name), its own keys, and its own screen sharing — own sender, own pull
 * credits — so a slow watcher slows only itself. Every message passes {@link WatchGate} first.
 * Runs on the customer session's event loop.
 */
public final class WatchChannel implements EndToEndSession.Events {
    private static final Logger log = LoggerFactory.getLogger(WatchChannel.class);
    static final int MAX_CHAT_CHARS = 4000;

    /** What the channel tells its owner (the customer's session), on the session thread. */
    public interface Owner {
        /** The watcher is verified and connected. */
        void joined(WatchChannel channel);

        /** The channel is over (removed, ended by the technician, failed, dropped). */
        void left(WatchChannel channel, String why);

        /** A chat line from the watcher. */
        void chat(WatchChannel channel, String text);

        /** A watcher's message was refused (forged input, files...). */
        default void refused(WatchChannel channel, SessionMessage message) {
        }
    }

    private final EventLoop loop;
    private final RelayEndpoint endpoint;
    private final OrganisationRoot pinnedRoot;
    private final SecureRandom random;
    private final Clock clock;
    private final String expectedName;
    private final byte[] ticket;
    private final Owner owner;
    private final ScreenSharing sharing;
    private final WatchGate gate;
    private RelayLink link;
    private EndToEndSession endToEnd;
    private boolean secured;
    private boolean over;

    public WatchChannel(EventLoop loop, RelayEndpoint endpoint, OrganisationRoot pinnedRoot, SecureRandom random, Clock clock,
                        ScreenSources screens, String expectedName, byte[] ticket, Owner owner) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.pinnedRoot = pinnedRoot;
        this.random = random;
        this.clock = clock;
        this.expectedName = expectedName;
        this.ticket = ticket.clone();
        this.owner = owner;
        this.gate = new WatchGate(this::send);
        // The person said yes to "B wants to watch your screen": that is this channel's screen consent.
        this.sharing = new ScreenSharing(loop, screens, new SharingEvents() {
            @Override
            public void send(SessionMessage message) {
                WatchChannel.this.send(message);
            }

            @Override
            public void screenRequested() {
                loop.execute(() -> sharing.answer(true));
            }

            @Override
            public void stateChanged(ScreenShareState state) {
            }
        }, new ConsentLedger(clock));
    }

    /** The watcher's name, as announced by the technician and proven by its certificate. */
    public String name() {
        return expectedName;
    }

    public boolean isSecured() {
        return secured;
    }

    /** Messages refused so far. */
    public long refused() {
        return gate.refused();
    }

    /** Screen updates sent to this watcher so far. */
    public long updatesSent() {
        return sharing.updatesSent();
    }

    /** Connects the second connection and joins the watch with the ticket. Session thread. */
    public void open() {
        RelayLink.connect(loop, endpoint, Role.CUSTOMER, new RelayLink.Listener() {
            @Override
            public void onFrame(RelayFrame frame) {
                WatchChannel.this.onFrame(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                loop.execute(() -> finish(cause == null ? "the watch ended" : "connection lost"));
            }
        }).whenComplete((connected, error) -> loop.execute(() -> {
            if (error != null) {
                finish("cannot reach the relay");
                return;
            }
            if (over) {
                connected.close();
                return;
            }
            link = connected;
            link.send(RelayFrame.newBuilder().setWatchJoin(WatchJoin.newBuilder().setWatchTicket(ByteString.copyFrom(ticket))).build());
        }));
    }

    private void onFrame(RelayFrame frame) {
        if (over) {
            return;
        }
        switch (frame.getBodyCase()) {
            case PAIRED -> {
                CustomerHandshake handshake = new CustomerHandshake(QueueFlow.SECRET,
                        frame.getPaired().getSessionId().toByteArray(), pinnedRoot, random, clock);
                endToEnd = new EndToEndSession(handshake, f -> link.send(f), this);
                endToEnd.start();
            }
            case DATA -> {
                if (endToEnd != null) {
                    endToEnd.onData(frame.getData());
                }
            }
            case ACK -> {
                if (endToEnd != null) {
                    endToEnd.onAck(frame.getAck());
                }
            }
            // The watcher's connection dropped and came back (it resumes like any session): hold
            // what we send meanwhile, then resync so both sides resend what the other lacks.
            case PEER_AWAY -> {
                if (endToEnd != null) {
                    endToEnd.linkDown();
                }
            }
            case PEER_BACK -> {
                if (endToEnd != null) {
                    endToEnd.linkRestored();
                }
            }
            case CLOSE -> finish("the watch ended");
            case ERROR -> {
                if (frame.getError().getFatal()) {
                    finish(frame.getError().getMessage());
                }
            }
            default -> { }
        }
    }

    @Override
    public void onSecured(HandshakeResult result) {
        TechnicianVerification technician = result.technician();
        if (technician.status() != TechnicianVerification.Status.VERIFIED || !expectedName.equals(technician.name())) {
            log.warn("watcher rejected: not the announced technician or not verified");
            closeWith(CloseReason.HANDSHAKE_FAILED, "the watcher could not be verified");
            return;
        }
        secured = true;
        owner.joined(this);
    }

    @Override
    public void onMessage(SessionMessage message) {
        if (over || !gate.admit(message)) {
            if (!over) {
                owner.refused(this, message);
            }
            return;
        }
        switch (message.getBodyCase()) {
            case CHAT -> {
                String text = message.getChat().getText();
                owner.chat(this, text.length() > MAX_CHAT_CHARS ? text.substring(0, MAX_CHAT_CHARS) : text);
            }
            case END -> remove();
            case TYPING -> { }
            default -> sharing.onMessage(message);
        }
    }

    @Override
    public void onFailure(EndToEndFailure failure) {
        log.warn("watch channel failed: {}", failure.kind());
        closeWith(CloseReason.HANDSHAKE_FAILED, failure.kind().name());
    }

    /** A chat line of the session (customer's, technician's or a watcher's), so the watcher follows it. */
    public void mirrorChat(String author, String text, long atMs) {
        send(SessionMessage.newBuilder().setWatchedChat(WatchedChat.newBuilder()
                .setAuthor(author).setText(text).setSentAtMs(atMs)).build());
    }

    /** Sends to the watcher (dropped before the handshake or after the end). */
    public void send(SessionMessage message) {
        if (!over && secured && endToEnd != null && endToEnd.isSecured()) {
            endToEnd.send(message);
        }
    }

    public void pauseScreen() {
        sharing.pause();
    }

    public void resumeScreen() {
        sharing.resume();
    }

    /** The customer removes the watcher (one click) or the session ends: it sees nothing more. */
    public void remove() {
        closeWith(CloseReason.ENDED_BY_CUSTOMER, "removed by the customer");
    }

    private void closeWith(CloseReason reason, String detail) {
        if (over) {
            return;
        }
        sharing.close(); // capture for this watcher stops now, before anything else is sent
        if (link != null && link.isOpen()) {
            link.sendAndClose(RelayFrame.newBuilder().setClose(Close.newBuilder().setReason(reason).setDetail(detail)).build());
        }
        finish(detail);
    }

    private void finish(String why) {
        if (over) {
            return;
        }
        over = true;
        sharing.close();
        if (link != null && link.isOpen()) {
            link.close();
        }
        owner.left(this, why);
    }
}
