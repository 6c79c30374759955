package dev.lifeline.client.session;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.client.transfer.FileTransfers;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.recording.RecordingParticipation;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.session.EndToEndFailure;
import dev.lifeline.common.session.EndToEndSession;
import dev.lifeline.common.wire.e2e.ChatMessage;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.RelayError;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Resume;
import dev.lifeline.common.wire.relay.Resumed;
import dev.lifeline.common.wire.relay.Role;
import com.google.protobuf.ByteString;
import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both apps do in a session over the relay: connect, pair, run the end-to-end session, chat,
 * survive a dropped connection by resuming within the grace period, and end. Everything runs on
 * one event loop, so no field needs a lock; public methods hop onto it.
 */
abstract class LiveSession implements SessionHandle, TransferHandle, EndToEndSession.Events {
    private static final Logger log = LoggerFactory.getLogger(LiveSession.class);
    /** Longest message a person can send in one chat line; more is cut, not refused. */
    static final int MAX_CHAT_CHARS = 4000;
    private static final long[] RETRY_DELAYS_MS = {200, 500, 1000, 2000, 3000};
    /** Chat typed before the handshake completes is kept, up to this many lines. */
    static final int MAX_UNSENT_CHAT_LINES = 100;

    protected final EventLoop loop;
    protected final SessionListener listener;
    protected final Clock clock;
    private final RelayEndpoint endpoint;
    /** Where the closing of our last connection is reported, so the app can wait for it on exit. */
    private final Consumer<CompletableFuture<Void>> goodbyes;
    private final Role role;

    protected RelayLink link;
    protected EndToEndSession endToEnd;
    private ByteString resumeToken;
    private int graceSeconds;
    private long graceDeadlineMs;
    private int reconnectAttempt;
    private boolean ended;
    /** The listener of the connection this session uses now; events of older ones are ignored. */
    private RelayLink.Listener currentAttempt;
    private final List<String> unsentChat = new ArrayList<>();
    /** Consent, clipboard and transfer events of this session, without content (for the report). */
    protected final SessionTimeline timeline;
    /** File transfers both ways; the role decides when they are allowed. */
    protected final FileTransfers transfers;
    /** Recording (issue 7): set when the relay says the session is recorded. */
    private RecordingParticipation recording;
    /** Sealed keys not yet handed to the relay because the link was down when the session was secured. */
    private RelayFrame unsentRecordingKeys;

    LiveSession(EventLoop loop, RelayEndpoint endpoint, Role role, SessionListener listener, Clock clock,
                Consumer<CompletableFuture<Void>> goodbyes) {
        this.goodbyes = goodbyes;
        this.loop = loop;
        this.endpoint = endpoint;
        this.role = role;
        this.listener = listener;
        this.clock = clock;
        this.timeline = new SessionTimeline(clock);
        this.transfers = new FileTransfers(loop, this::transfersAllowed, new FileTransfers.Events() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void offered(FileOffered offer) {
                listener.onFileOffered(offer);
            }

            @Override
            public void status(TransferStatus status) {
                listener.onTransfer(status);
            }
        }, timeline, role == Role.CUSTOMER ? TimelineEntry.Actor.CUSTOMER : TimelineEntry.Actor.TECHNICIAN);
    }

    /** Whether "transfer files" is granted now, as this role knows it. */
    protected abstract boolean transfersAllowed();

    /** Sends this role's first request on a fresh (not resumed) connection. */
    protected abstract void onFreshConnection();

    /** A frame only this role understands (SessionOpened, role-specific errors). */
    protected abstract void onRoleFrame(RelayFrame frame);

    /** Paired with a peer: build and start the end-to-end session. */
    protected abstract void onPaired(Paired paired);

    protected abstract CloseReason myCloseReason();

    final void begin() {
        loop.execute(() -> connect(false));
    }

    private void connect(boolean resuming) {
        // Events of a connection we have since replaced (a late close of a dead socket, say) are
        // not about this session's current link: each connection gets its own listener.
        RelayLink.Listener attempt = new RelayLink.Listener() {
            @Override
            public void onFrame(RelayFrame frame) {
                if (currentAttempt == this) {
                    LiveSession.this.onFrame(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                loop.execute(() -> {
                    if (currentAttempt == this) {
                        LiveSession.this.onClosed(cause);
                    }
                });
            }
        };
        currentAttempt = attempt;
        RelayLink.connect(loop, endpoint, role, attempt).whenComplete((connected, error) -> loop.execute(() -> {
            if (ended) {
                if (connected != null) {
                    connected.close();
                }
                return;
            }
            if (error != null) {
                onConnectFailed(resuming, error);
                return;
            }
            link = connected;
            if (resuming) {
                link.send(RelayFrame.newBuilder().setResume(Resume.newBuilder().setResumeToken(resumeToken)).build());
            } else {
                onFreshConnection();
            }
        }));
    }

    private void onConnectFailed(boolean resuming, Throwable error) {
        if (reconnectAttempt > 0 && clock.millis() < graceDeadlineMs) {
            scheduleReconnect(resuming);
            return;
        }
        String reason = ConnectionFailures.describe(error, endpoint);
        finish(new SessionEnd(SessionEnd.Reason.CONNECTION_LOST, reason));
    }

    private void onFrame(RelayFrame frame) {
        if (ended) {
            return;
        }
        switch (frame.getBodyCase()) {
            case WELCOME, PONG -> { }
            case PAIRED -> {
                Paired paired = frame.getPaired();
                resumeToken = paired.getResumeToken();
                graceSeconds = paired.getResumeGraceSeconds();
                onPaired(paired);
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
            case RESUMED -> onResumed(frame.getResumed());
            case PEER_AWAY -> {
                if (endToEnd != null) {
                    endToEnd.linkDown();
                }
                listener.onLinkState(LinkState.PEER_AWAY);
            }
            case PEER_BACK -> {
                if (endToEnd != null) {
                    endToEnd.linkRestored();
                }
                listener.onLinkState(LinkState.CONNECTED);
            }
            case CLOSE -> onClose(frame.getClose());
            case ERROR -> onError(frame.getError());
            case RECORDING_NOTICE -> {
                recording = new RecordingParticipation(recordingTrustRoot());
                onRecordingNotice(recording.onNotice(frame.getRecordingNotice()));
            }
            default -> onRoleFrame(frame);
        }
    }

    private void onResumed(Resumed resumed) {
        resumeToken = resumed.getResumeToken();
        if (unsentRecordingKeys != null && link != null && link.isOpen()) {
            link.send(unsentRecordingKeys);
            unsentRecordingKeys = null;
        }
        reconnectAttempt = 0;
        if (resumed.getPeerPresent()) {
            endToEnd.linkRestored();
            listener.onLinkState(LinkState.CONNECTED);
        } else {
            listener.onLinkState(LinkState.PEER_AWAY);
        }
    }

    private void onClose(Close close) {
        SessionEnd end = switch (close.getReason()) {
            case ENDED_BY_CUSTOMER, ENDED_BY_TECHNICIAN -> new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, close.getDetail());
            case CODE_EXPIRED -> new SessionEnd(SessionEnd.Reason.CODE_EXPIRED, close.getDetail());
            case HANDSHAKE_FAILED -> new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED, close.getDetail());
            case PEER_LOST -> new SessionEnd(SessionEnd.Reason.CONNECTION_LOST, "the other side's connection was lost");
            default -> new SessionEnd(SessionEnd.Reason.RELAY_ERROR, "relay closed the session: " + close.getReason());
        };
        link.close();
        finish(end);
    }

    /** Errors every role handles the same way; the rest go to {@link #onRoleError}. */
    private void onError(RelayError error) {
        if (error.getCode() == ErrorCode.RESUME_REJECTED) {
            link.close();
            finish(endWhenResumeRejected());
            return;
        }
        if (!onRoleError(error) && error.getFatal()) {
            link.close();
            finish(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, error.getCode() + ": " + error.getMessage()));
        }
    }

    /** The relay no longer knows our session: why that is, as far as this role can tell. */
    protected SessionEnd endWhenResumeRejected() {
        return new SessionEnd(SessionEnd.Reason.CONNECTION_LOST, "the relay no longer holds this session");
    }

    /** Returns true when the role handled the error itself. */
    protected boolean onRoleError(RelayError error) {
        return false;
    }

    private void onClosed(Throwable cause) {
        if (ended) {
            return;
        }
        if (resumeToken == null) {
            // Not paired yet: nothing to resume. The role decides (the customer opens anew).
            onUnpairedConnectionLost(cause);
            return;
        }
        if (endToEnd != null) {
            endToEnd.linkDown();
        }
        startReconnecting(graceSeconds * 1000L);
        scheduleReconnect(true);
    }

    /** Announces a reconnect and sets how long we keep trying (first drop of a series only). */
    private void startReconnecting(long forMs) {
        if (reconnectAttempt == 0) {
            graceDeadlineMs = clock.millis() + forMs;
            listener.onLinkState(LinkState.RECONNECTING);
        }
    }

    /**
     * Connects anew (not resuming) and keeps trying for {@code forMs}; for a role whose dropped
     * connection had nothing to resume yet. The role's fresh request goes out once connected.
     */
    protected final void reconnectFresh(long forMs) {
        startReconnecting(forMs);
        scheduleReconnect(false);
    }

    /** The fresh connection asked for by {@link #reconnectFresh} is serving again. */
    protected final void reconnected() {
        if (reconnectAttempt > 0) {
            reconnectAttempt = 0;
            listener.onLinkState(LinkState.CONNECTED);
        }
    }

    protected void onUnpairedConnectionLost(Throwable cause) {
        finish(new SessionEnd(SessionEnd.Reason.CONNECTION_LOST, ConnectionFailures.describe(cause, endpoint)));
    }

    private void scheduleReconnect(boolean resuming) {
        long delay = RETRY_DELAYS_MS[Math.min(reconnectAttempt, RETRY_DELAYS_MS.length - 1)];
        reconnectAttempt++;
        loop.schedule(() -> {
            if (!ended) {
                connect(resuming);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Forget the pairing (the customer does this after a failed handshake). */
    protected final void unpair() {
        endToEnd = null;
        resumeToken = null;
    }

    @Override
    public final void sendChat(String text) {
        String line = text.length() > MAX_CHAT_CHARS ? text.substring(0, MAX_CHAT_CHARS) : text;
        loop.execute(() -> {
            if (ended || line.isBlank()) {
                return;
            }
            if (endToEnd == null || !endToEnd.isSecured()) {
                // Typed before the handshake finished (a script's first line, say): send it once secured.
                if (unsentChat.size() >= MAX_UNSENT_CHAT_LINES) {
                    log.warn("dropping a chat line typed before the session was secured: {} are waiting", MAX_UNSENT_CHAT_LINES);
                    return;
                }
                unsentChat.add(line);
                return;
            }
            sendSealedChat(line);
        });
    }

    private void sendSealedChat(String line) {
        Instant now = clock.instant();
        endToEnd.send(SessionMessage.newBuilder()
                .setChat(ChatMessage.newBuilder().setText(line).setSentAtMs(now.toEpochMilli()))
                .build());
        ChatLine chatLine = new ChatLine(line, now, true);
        listener.onChat(chatLine);
        chatLine(chatLine);
    }

    /** Issue 6: every chat line of the session, ours and the peer's (the customer mirrors them to watchers). */
    protected void chatLine(ChatLine line) {
    }

    /** The relay this session talks to (the customer opens watch channels to it). */
    protected final RelayEndpoint endpoint() {
        return endpoint;
    }

    /** Who the peer is, from the finished handshake, as this role sees it. */
    protected abstract PeerInfo peerInfo(HandshakeResult result);

    /** The organisation this app trusts, to check the recording key's endorsement against (null: none). */
    protected OrganisationRoot recordingTrustRoot() {
        return null;
    }

    /** The relay says this session is recorded; the role decides what the person sees. */
    protected void onRecordingNotice(RecordingNoticeInfo notice) {
    }

    /** Whether the relay announced that this session is recorded. */
    protected final boolean recorded() {
        return recording != null && recording.recorded();
    }

    /**
     * Tests in this package (what a stolen key opens) see a copy of each handshake's keys. Null
     * in the apps: no copy outlives the key schedule, which destroys its keys at the end.
     */
    static volatile java.util.function.BiConsumer<LiveSession, dev.lifeline.common.crypto.TrafficKeys> handshakeKeysTap;

    @Override
    public final void onSecured(HandshakeResult result) {
        var tap = handshakeKeysTap;
        if (tap != null) {
            var keys = result.keys();
            tap.accept(this, new dev.lifeline.common.crypto.TrafficKeys(keys.customerToTechnicianKey(),
                    keys.technicianToCustomerKey(), keys.sessionId()));
        }
        if (recording != null) {
            recording.sealedKeys(result.keys()).ifPresent(frame -> {
                if (link != null && link.isOpen()) {
                    link.send(frame);
                } else {
                    unsentRecordingKeys = frame;
                }
            });
        }
        listener.onSecured(peerInfo(result));
        List<String> waiting = new ArrayList<>(unsentChat);
        unsentChat.clear();
        waiting.forEach(this::sendSealedChat);
        afterSecured();
    }

    /** The role's work that waited for the handshake. */
    protected void afterSecured() {
    }

    /** Seals and sends a message on the session thread; dropped before the handshake or after the end. */
    final void sendMessage(SessionMessage message) {
        if (!ended && endToEnd != null && endToEnd.isSecured()) {
            endToEnd.send(message);
        }
    }

    /** Runs on the session thread, unless the app is shutting down. */
    final void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("session thread gone; {} dropped", task);
        }
    }

    /** A message only this role understands; returns false if it understands none. */
    protected boolean onRoleMessage(SessionMessage message) {
        return false;
    }

    /** The session is over: stop the role's own work (threads, capture). */
    protected void onFinished() {
    }

    @Override
    public final void end() {
        loop.execute(() -> {
            if (ended) {
                return;
            }
            if (link != null && link.isOpen()) {
                goodbyes.accept(link.sendAndClose(RelayFrame.newBuilder()
                        .setClose(Close.newBuilder().setReason(myCloseReason())).build()));
            }
            finish(new SessionEnd(SessionEnd.Reason.ENDED_BY_ME, ""));
        });
    }

    @Override
    public void onMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case CHAT -> {
                ChatMessage chat = message.getChat();
                String text = chat.getText().length() > MAX_CHAT_CHARS ? chat.getText().substring(0, MAX_CHAT_CHARS) : chat.getText();
                // The peer's clock is not ours to trust for ordering; show when it arrived.
                ChatLine line = new ChatLine(text, clock.instant(), false);
                listener.onChat(line);
                chatLine(line);
            }
            default -> {
                if (!onRoleMessage(message)) {
                    log.debug("ignoring end-to-end message of kind {}", message.getBodyCase());
                }
            }
        }
    }

    /** A failure after the session was secured cannot be repaired: end it for both sides. */
    protected final void endAfterFailure(EndToEndFailure failure, SessionEnd.Reason reason) {
        log.warn("ending session: {} ({})", failure.kind(), failure.message());
        if (link != null && link.isOpen()) {
            goodbyes.accept(link.sendAndClose(RelayFrame.newBuilder()
                    .setClose(Close.newBuilder().setReason(CloseReason.HANDSHAKE_FAILED).setDetail(failure.kind().name()))
                    .build()));
        }
        finish(new SessionEnd(reason, failure.message()));
    }

    /** Ends the session for both sides with a Close the relay passes on, e.g. an unverifiable queue pick. */
    protected final void endWithClose(CloseReason reason, SessionEnd end) {
        if (link != null && link.isOpen()) {
            goodbyes.accept(link.sendAndClose(RelayFrame.newBuilder()
                    .setClose(Close.newBuilder().setReason(reason).setDetail(end.detail())).build()));
        }
        finish(end);
    }

    protected final void finish(SessionEnd end) {
        if (ended) {
            return;
        }
        ended = true;
        if (link != null && link.isOpen() && end.reason() != SessionEnd.Reason.ENDED_BY_ME) {
            link.close();
        }
        // A lost connection keeps partial downloads, so that a retry in a new session resumes.
        transfers.close(end.reason() == SessionEnd.Reason.CONNECTION_LOST);
        onFinished();
        listener.onEnded(end);
    }

    protected final boolean isEnded() {
        return ended;
    }

    @Override
    public final void offerFile(java.nio.file.Path file) {
        onLoop(() -> transfers.offer(file));
    }

    @Override
    public final void acceptFile(long id, java.nio.file.Path folder) {
        onLoop(() -> transfers.accept(id, folder));
    }

    @Override
    public final void declineFile(long id) {
        onLoop(() -> transfers.decline(id));
    }

    @Override
    public final void cancelTransfer(long id, TransferStatus.Direction direction) {
        onLoop(() -> transfers.cancel(id, direction));
    }

    @Override
    public final void retryTransfer(long id) {
        onLoop(() -> transfers.retry(id));
    }

    @Override
    public final SessionTimeline timeline() {
        return timeline;
    }
}
