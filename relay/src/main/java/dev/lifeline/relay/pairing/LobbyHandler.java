package dev.lifeline.relay.pairing;

import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Hello;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Resumed;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SessionOpened;
import dev.lifeline.relay.forwarding.ForwardingHandler;
import dev.lifeline.relay.forwarding.PairedSession;
import dev.lifeline.relay.forwarding.SessionLifecycle;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.frames.Reads;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.pairing.NameplateRegistry.Claim;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.pairing.NameplateRegistry.RegistryFullException;
import dev.lifeline.relay.recording.RecordingFetches;
import com.google.protobuf.ByteString;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection before it is paired: Hello, then OpenSession (customer), Join (technician) or
 * Resume (either). On pairing or resume it replaces itself in the pipeline with a
 * {@link ForwardingHandler}, as Netty's socksproxy replaces its handshake handler with the relay
 * handler. A rejected customer gets a lobby handler again, waiting on the same nameplate.
 *
 * <p>AUTO_READ is off: every handled frame ends with exactly one request for the next. Stateful
 * (phase, role, nameplate, expiry timer), so one per channel.
 */
public final class LobbyHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LobbyHandler.class);
    /** Size of the technician's report claim (Paired.report_claim). */
    public static final int REPORT_CLAIM_BYTES = 32;
    private static final SecureRandom CLAIMS = new SecureRandom();

    enum Phase { AWAIT_HELLO, READY, WAITING, DONE }

    private final Lobby lobby;
    private Phase phase = Phase.AWAIT_HELLO;
    private Role role = Role.ROLE_UNSPECIFIED;
    private Entry entry;
    private ScheduledFuture<?> expiryTimer;
    private ChannelHandlerContext ctx;

    LobbyHandler(Lobby lobby) {
        this.lobby = lobby;
    }

    /** A lobby for a customer coming back from a rejected pairing, already waiting on {@code entry}. */
    static LobbyHandler waitingOn(Lobby lobby, Entry entry) {
        LobbyHandler handler = new LobbyHandler(lobby);
        handler.phase = Phase.WAITING;
        handler.role = Role.CUSTOMER;
        handler.entry = entry;
        return handler;
    }

    Phase phase() {
        return phase;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (phase == Phase.WAITING) {
            lobby.waiting.put(entry, this);
            scheduleExpiry();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            // AUTO_READ stays on while TLS shakes hands (the TLS handler does its own reading);
            // from here on every frame is asked for. The read is requested as a fresh task: one
            // requested from inside the handshake's read loop was lost whenever the Hello came in
            // a later TCP segment than the client's Finished, and the connection stalled. A Hello
            // that came with the Finished waits in the FlowControlHandler for this read.
            ctx.channel().config().setAutoRead(false);
            Reads.next(ctx.channel());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelExpiry();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            lobby.extension.closed(connection, false);
        }
        if (phase == Phase.WAITING) {
            lobby.waiting.remove(entry, this);
            lobby.nameplates.release(entry);
            phase = Phase.DONE;
        }
        cancelExpiry();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RelayFrame frame)) {
            ReferenceCountUtil.release(msg);
            Replies.fatal(ctx, ErrorCode.INTERNAL, "internal relay error");
            return;
        }
        if (phase == Phase.DONE) {
            return;
        }
        LOG.debug("{} in {}", frame.getBodyCase(), phase);
        if (phase == Phase.AWAIT_HELLO) {
            onFirstFrame(ctx, frame);
            return;
        }
        if (extensionBusy) {
            // Frames that arrived in the same read as an extension's frame wait for its answer.
            if (pending.size() >= MAX_PENDING) {
                fatal(ctx, ErrorCode.RATE_LIMITED, "too many frames before the last answer");
                return;
            }
            pending.add(frame);
            return;
        }
        if (lobby.extension.handles(frame.getBodyCase())) {
            extensionBusy = true;
            lobby.extension.handle(connection(), frame);
            return;
        }
        switch (frame.getBodyCase()) {
            case PING -> reply(ctx, Replies.pong(frame.getPing().getNonce()));
            case OPEN_SESSION -> onOpenSession(ctx, frame.getOpenSession().getCustomerName());
            case JOIN -> onJoin(ctx, frame.getJoin().getNameplate());
            case RESUME -> onResume(ctx, frame.getResume().getResumeToken().toByteArray());
            case CLOSE -> onClose(ctx);
            case FETCH_RECORDING -> onFetchRecording(ctx, frame);
            default -> unexpected(ctx, frame);
        }
    }

    private void onFirstFrame(ChannelHandlerContext ctx, RelayFrame frame) {
        if (frame.getBodyCase() != RelayFrame.BodyCase.HELLO) {
            unexpected(ctx, frame);
            return;
        }
        Hello hello = frame.getHello();
        if (hello.getProtocolVersion() != WireLimits.PROTOCOL_VERSION) {
            fatal(ctx, ErrorCode.UNSUPPORTED_VERSION,
                    "this relay speaks protocol version " + WireLimits.PROTOCOL_VERSION);
            return;
        }
        if (hello.getRole() != Role.CUSTOMER && hello.getRole() != Role.TECHNICIAN) {
            fatal(ctx, ErrorCode.MALFORMED_FRAME, "hello must name the role customer or technician");
            return;
        }
        if (lobby.overConnectionCap.getAsBoolean()) {
            fatal(ctx, ErrorCode.CAPACITY, "the relay has too many connections");
            return;
        }
        role = hello.getRole();
        phase = Phase.READY;
        reply(ctx, RelayFrame.newBuilder().setWelcome(lobby.welcome).build());
    }

    private void onOpenSession(ChannelHandlerContext ctx, String customerName) {
        if (role != Role.CUSTOMER) {
            fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only a customer may open a session");
            return;
        }
        Entry allocated;
        try {
            if (phase == Phase.WAITING) {
                allocated = lobby.nameplates.reallocateIfWaiting(entry, customerName);
                if (allocated == null) {
                    // A technician claimed the old nameplate a moment ago; Paired is on its way.
                    readNext(ctx);
                    return;
                }
                lobby.waiting.remove(entry, this);
                cancelExpiry();
            } else {
                allocated = lobby.nameplates.allocate(customerName);
            }
        } catch (RegistryFullException e) {
            if (phase == Phase.WAITING) {
                lobby.waiting.remove(entry, this);
                cancelExpiry();
                entry = null;
                phase = Phase.READY;
            }
            reply(ctx, Replies.error(ErrorCode.CAPACITY, "the relay has no free session slot, try again later"));
            return;
        }
        entry = allocated;
        phase = Phase.WAITING;
        lobby.waiting.put(entry, this);
        scheduleExpiry();
        RelayFrame notice = lobby.recordingNotice;
        if (notice != null) {
            // Before the code: the customer's app asks the person before it shows the code.
            ctx.channel().write(notice);
        }
        reply(ctx, sessionOpened(entry));
    }

    private void onJoin(ChannelHandlerContext ctx, String nameplate) {
        if (role != Role.TECHNICIAN || phase != Phase.READY) {
            fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only a technician may join");
            return;
        }
        if (!lobby.joinsPerAddress.tryAcquire(sourceAddress(ctx.channel()))
                || (isPlausibleNameplate(nameplate) && !lobby.joinsPerNameplate.tryAcquire(nameplate))) {
            reply(ctx, Replies.error(ErrorCode.JOIN_RATE_LIMITED, "too many join attempts, wait a minute"));
            return;
        }
        if (!isPlausibleNameplate(nameplate)) {
            reply(ctx, Replies.error(ErrorCode.UNKNOWN_NAMEPLATE, "no session is waiting under this code"));
            return;
        }
        Claim claim = lobby.nameplates.claim(nameplate);
        switch (claim.status()) {
            case UNKNOWN -> reply(ctx, Replies.error(ErrorCode.UNKNOWN_NAMEPLATE, "no session is waiting under this code"));
            case BUSY -> reply(ctx, Replies.error(ErrorCode.NAMEPLATE_BUSY, "this session already has a technician"));
            case CLAIMED -> pair(ctx, claim.entry(), false);
        }
    }

    private void pair(ChannelHandlerContext ctx, Entry claimed, boolean viaQueue) {
        LobbyHandler customer = lobby.waiting.remove(claimed);
        if (customer == null) {
            // The customer left between claim and now.
            lobby.nameplates.release(claimed);
            reply(ctx, Replies.error(ErrorCode.UNKNOWN_NAMEPLATE, "no session is waiting under this code"));
            return;
        }
        SessionTable sessions = lobby.sessions;
        SessionTable.Pairing pairing = sessions.pair(claimed.customerName(), customer.ctx.channel(), ctx.channel(),
                new NameplateLifecycle(lobby, claimed));
        // Queued on the customer's loop before the technician can send anything, so the customer
        // sees Paired before any forwarded frame.
        customer.ctx.executor().execute(() -> customer.becomePaired(pairing, claimed, viaQueue));
        phase = Phase.DONE;
        // Code flow: a per-session secret for the technician only, so a report filed later from
        // a sign-in proves this connection ran the session (a queue pick is signed in already).
        byte[] reportClaim = viaQueue ? new byte[0] : newReportClaim();
        lobby.extension.paired(claimed, pairing.session().id(), connection(), reportClaim);
        lobby.listener.onPaired(pairing.session().id(), pairing.session().customerName());
        ctx.pipeline().replace(this, "forwarding",
                new ForwardingHandler(sessions, pairing.session(), Role.TECHNICIAN, lobby.listener));
        LOG.info("session paired");
        RelayFrame notice = lobby.recordingNotice;
        if (notice != null) {
            ctx.channel().write(notice);
        }
        RelayFrame technicianPaired = paired(pairing.session(), pairing.technicianToken(), Role.CUSTOMER, sessions, viaQueue);
        if (reportClaim.length > 0) {
            technicianPaired = technicianPaired.toBuilder().setPaired(technicianPaired.getPaired().toBuilder()
                    .setReportClaim(ByteString.copyFrom(reportClaim))).build();
        }
        replyOn(ctx.channel(), technicianPaired);
    }

    private static byte[] newReportClaim() {
        byte[] claim = new byte[REPORT_CLAIM_BYTES];
        CLAIMS.nextBytes(claim);
        return claim;
    }

    /** Runs on the customer's event loop once a technician claimed its nameplate. */
    private void becomePaired(SessionTable.Pairing pairing, Entry claimed, boolean viaQueue) {
        if (phase != Phase.WAITING || entry != claimed || !ctx.channel().isActive()) {
            lobby.sessions.abort(pairing.session(), CloseReason.PEER_LOST, "the customer left");
            return;
        }
        phase = Phase.DONE;
        cancelExpiry();
        ctx.pipeline().replace(this, "forwarding",
                new ForwardingHandler(lobby.sessions, pairing.session(), Role.CUSTOMER, lobby.listener));
        ctx.channel().writeAndFlush(paired(pairing.session(), pairing.customerToken(), Role.TECHNICIAN, lobby.sessions, viaQueue));
    }

    private void onResume(ChannelHandlerContext ctx, byte[] token) {
        if (phase != Phase.READY) {
            fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "resume must come right after hello");
            return;
        }
        SessionTable.Resumption resumed = lobby.sessions.resume(token, role, ctx.channel());
        if (resumed == null) {
            Optional<RelayFrame> close = lobby.sessions.closeHeardLate(token);
            if (close.isPresent()) {
                // The peer ended the session while this side was away: tell it how it ended.
                phase = Phase.DONE;
                Replies.sendAndClose(ctx.channel(), close.get());
                return;
            }
            fatal(ctx, ErrorCode.RESUME_REJECTED, "the resume token is unknown, used or expired");
            return;
        }
        phase = Phase.DONE;
        ctx.pipeline().replace(this, "forwarding",
                new ForwardingHandler(lobby.sessions, resumed.session(), role, lobby.listener));
        replyOn(ctx.channel(), RelayFrame.newBuilder().setResumed(Resumed.newBuilder()
                .setSessionId(ByteString.copyFrom(resumed.session().id()))
                .setResumeToken(ByteString.copyFrom(resumed.newToken()))
                .setPeerPresent(resumed.peerPresent())).build());
    }

    /** A lead fetches a recording (issue 7): checked and streamed by {@link RecordingFetches}. */
    private void onFetchRecording(ChannelHandlerContext ctx, RelayFrame frame) {
        RecordingFetches fetches = lobby.recordingFetches;
        if (role != Role.TECHNICIAN || phase != Phase.READY || fetches == null) {
            fatal(ctx, ErrorCode.UNEXPECTED_FRAME, fetches == null ? "this relay keeps no recordings"
                    : "fetch a recording right after hello");
            return;
        }
        phase = Phase.DONE;
        fetches.serve(ctx.channel(), frame.getFetchRecording());
    }

    private void onClose(ChannelHandlerContext ctx) {
        // A customer giving up before anyone joined, or a technician leaving the lobby.
        if (connection != null) {
            lobby.extension.closed(connection, true);
            connection = null;
        }
        if (phase == Phase.WAITING) {
            lobby.waiting.remove(entry, this);
            lobby.nameplates.release(entry);
        }
        phase = Phase.DONE;
        cancelExpiry();
        ctx.close();
    }

    private void scheduleExpiry() {
        cancelExpiry();
        Entry waitingOn = entry;
        long delay = lobby.nameplates.millisUntilExpiry(waitingOn);
        expiryTimer = ctx.executor().schedule(() -> expire(waitingOn), delay, TimeUnit.MILLISECONDS);
    }

    private void expire(Entry waitingOn) {
        if (phase != Phase.WAITING || entry != waitingOn) {
            return;
        }
        lobby.nameplates.forceExpire(waitingOn);
        lobby.waiting.remove(waitingOn, this);
        phase = Phase.DONE;
        Replies.sendAndClose(ctx.channel(), Replies.close(CloseReason.CODE_EXPIRED, "the code expired unused"));
    }

    private void cancelExpiry() {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
    }

    private static RelayFrame sessionOpened(Entry entry) {
        return RelayFrame.newBuilder().setSessionOpened(SessionOpened.newBuilder()
                .setNameplate(entry.nameplate()).setExpiresAtMs(entry.expiresAtMs())).build();
    }

    private static RelayFrame paired(PairedSession session, byte[] token, Role peerRole, SessionTable sessions,
                                     boolean viaQueue) {
        return RelayFrame.newBuilder().setPaired(Paired.newBuilder()
                .setSessionId(ByteString.copyFrom(session.id()))
                .setResumeToken(ByteString.copyFrom(token))
                .setCustomerName(session.customerName())
                .setPeerRole(peerRole)
                .setResumeGraceSeconds(sessions.graceSeconds())
                .setViaQueue(viaQueue)).build();
    }

    private void unexpected(ChannelHandlerContext ctx, RelayFrame frame) {
        fatal(ctx, ErrorCode.UNEXPECTED_FRAME, frame.getBodyCase() + " is not allowed now");
    }

    private void fatal(ChannelHandlerContext ctx, ErrorCode code, String message) {
        if (phase == Phase.WAITING) {
            lobby.waiting.remove(entry, this);
            lobby.nameplates.release(entry);
        }
        phase = Phase.DONE;
        cancelExpiry();
        Replies.fatal(ctx, code, message);
    }

    /** Sends {@code frame} and asks for the next frame once it is written. */
    private static void reply(ChannelHandlerContext ctx, RelayFrame frame) {
        replyOn(ctx.channel(), frame);
    }

    private static void replyOn(Channel channel, RelayFrame frame) {
        ChannelFuture written = channel.writeAndFlush(frame);
        written.addListener(f -> {
            if (f.isSuccess()) {
                Reads.next(channel);
            }
        });
    }

    private static void readNext(ChannelHandlerContext ctx) {
        Reads.next(ctx.channel());
    }

    private LobbyConnection connection;
    /** Sign-in and queue frames are answered from another thread; frames behind one wait here. */
    private boolean extensionBusy;
    private final java.util.ArrayDeque<RelayFrame> pending = new java.util.ArrayDeque<>();
    static final int MAX_PENDING = 8;

    /** The extension answered: handle a frame that waited, or read the next one. Event loop. */
    private void extensionDone() {
        extensionBusy = false;
        RelayFrame next = pending.poll();
        if (next == null) {
            Reads.next(ctx.channel());
        } else if (phase != Phase.DONE) {
            channelRead(ctx, next);
        }
    }

    /** This connection as the extension sees it (one per handler, made on first use). */
    private LobbyConnection connection() {
        if (connection == null) {
            connection = new Connection();
        }
        return connection;
    }

    private final class Connection implements LobbyConnection {
        @Override
        public Channel channel() {
            return ctx.channel();
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String sourceAddress() {
            return LobbyHandler.sourceAddress(ctx.channel());
        }

        @Override
        public void reply(RelayFrame frame) {
            Channel channel = ctx.channel();
            channel.writeAndFlush(frame).addListener(f -> {
                if (f.isSuccess()) {
                    ctx.executor().execute(LobbyHandler.this::extensionDone);
                }
            });
        }

        @Override
        public void push(RelayFrame frame) {
            ctx.channel().writeAndFlush(frame, ctx.channel().voidPromise());
        }

        @Override
        public void fatal(ErrorCode code, String message) {
            execute(() -> LobbyHandler.this.fatal(ctx, code, message));
        }

        @Override
        public void execute(Runnable task) {
            ctx.executor().execute(task);
        }

        @Override
        public Optional<Entry> waitForTechnician(String customerName, java.time.Duration lifetime) {
            if (role != Role.CUSTOMER) {
                return Optional.empty();
            }
            if (phase == Phase.WAITING) {
                return Optional.of(entry);
            }
            if (phase != Phase.READY) {
                return Optional.empty();
            }
            try {
                entry = lobby.nameplates.allocate(customerName, lifetime);
            } catch (RegistryFullException e) {
                return Optional.empty();
            }
            phase = Phase.WAITING;
            lobby.waiting.put(entry, LobbyHandler.this);
            scheduleExpiry();
            return Optional.of(entry);
        }

        @Override
        public boolean joinSession(PairedSession session, Role side, RelayFrame... frames) {
            if (phase != Phase.READY || !ctx.channel().isActive()) {
                return false;
            }
            phase = Phase.DONE;
            cancelExpiry();
            Channel channel = ctx.channel();
            ctx.pipeline().replace(LobbyHandler.this, "forwarding",
                    new ForwardingHandler(lobby.sessions, session, side, lobby.listener));
            RelayFrame notice = lobby.recordingNotice;
            if (notice != null && side == Role.TECHNICIAN) {
                channel.write(notice);
            }
            for (int i = 0; i < frames.length - 1; i++) {
                channel.write(frames[i]);
            }
            replyOn(channel, frames[frames.length - 1]);
            return true;
        }

        @Override
        public boolean pairWith(Entry waitingEntry) {
            if (role != Role.TECHNICIAN || phase != Phase.READY) {
                return false;
            }
            Claim claim = lobby.nameplates.claim(waitingEntry.nameplate());
            if (claim.status() != NameplateRegistry.ClaimStatus.CLAIMED || claim.entry() != waitingEntry) {
                if (claim.status() == NameplateRegistry.ClaimStatus.CLAIMED) {
                    lobby.nameplates.rewait(claim.entry());
                }
                return false;
            }
            if (!lobby.waiting.containsKey(waitingEntry)) {
                lobby.nameplates.release(waitingEntry);
                return false;
            }
            pair(ctx, waitingEntry, true);
            return true;
        }
    }

    static boolean isPlausibleNameplate(String nameplate) {
        int length = nameplate.length();
        if (length < 3 || length > NameplateRegistry.MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = nameplate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return nameplate.charAt(0) != '0';
    }

    private static String sourceAddress(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    /** Ties a paired session to its nameplate: released at the end, re-waiting after a reject. */
    private static final class NameplateLifecycle implements SessionLifecycle {
        private final Lobby lobby;
        private final Entry entry;

        NameplateLifecycle(Lobby lobby, Entry entry) {
            this.lobby = lobby;
            this.entry = entry;
        }

        @Override
        public void sessionEnded(PairedSession session) {
            lobby.nameplates.release(entry);
            lobby.listener.onSessionEnded(session.id());
            lobby.extension.ended(entry);
        }

        @Override
        public void customerRejectedPeer(ChannelHandlerContext customerCtx, PairedSession session) {
            lobby.listener.onSessionEnded(session.id());
            Channel channel = customerCtx.channel();
            if (!lobby.nameplates.rewait(entry)) {
                Replies.sendAndClose(channel, Replies.close(CloseReason.CODE_EXPIRED, "the code is no longer valid"));
                return;
            }
            LobbyHandler waiting = waitingOn(lobby, entry);
            customerCtx.pipeline().replace(customerCtx.handler(), "lobby", waiting);
            LOG.info("customer rejected its technician; nameplate waits again");
            replyOn(channel, sessionOpened(entry));
        }
    }
}
