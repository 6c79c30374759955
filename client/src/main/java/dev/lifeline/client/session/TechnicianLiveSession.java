package dev.lifeline.client.session;

import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.TechnicianClipboard;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.consent.ConsentMessages;
import dev.lifeline.client.consent.CustomerConsent;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.control.ControlMessages;
import dev.lifeline.client.control.InputSender;
import dev.lifeline.client.control.RemoteControl;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.viewing.ScreenViewer;
import dev.lifeline.client.viewing.ViewerEvents;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.handshake.HandshakeFailedException;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.handshake.TechnicianHandshake;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.session.EndToEndFailure;
import dev.lifeline.common.session.EndToEndSession;
import dev.lifeline.common.wire.e2e.ConsentRequest;
import dev.lifeline.common.wire.e2e.ConsentRevoke;
import dev.lifeline.common.wire.e2e.Refused;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.EnumSet;
import java.util.Set;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.pairing.QueueFlow;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.QueuePick;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.RelayError;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.channel.EventLoop;
import com.google.protobuf.ByteString;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverMessages;
import dev.lifeline.client.handover.HandoverTicket;
import dev.lifeline.common.wire.e2e.HandoverIntent;
import dev.lifeline.common.wire.relay.HandoverAnswer;
import dev.lifeline.common.wire.relay.HandoverRequest;
import dev.lifeline.common.wire.relay.WatchEnd;
import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.TechnicianDiagnostics;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/** The technician's side: joins the nameplate of a code and proves itself with its certificate. */
final class TechnicianLiveSession extends LiveSession implements TechnicianSessionHandle {
    /** After a failed handshake the customer rejects us; if that does not come, we leave anyway. */
    private static final long REJECTION_WAIT_MS = 3000;

    private final SessionCode code;
    private final TechnicianIdentity identity;
    private final SecureRandom random;
    private String customerName = "";
    private HandshakeFailedException handshakeFailure;
    private TechnicianHandshake handshake;
    private final ScreenViewer viewer;
    /** Coalesces and bounds the technician's input before it is sealed. */
    private final InputSender input;
    private boolean screenWanted;
    private final TechnicianClipboard clipboard;
    /** The customer's grants as last reported; their app enforces them, this only avoids asking in vain. */
    private dev.lifeline.common.consent.ConsentSnapshot consent = dev.lifeline.common.consent.ConsentSnapshot.NOTHING;
    private final TechnicianDiagnostics diagnostics;
    /** Set on pairing, read by the Console for the report. */
    private volatile String sessionId = "";
    private final AtomicLong nextDiagnosticsId = new AtomicLong();

    /** Issue 6: pick this queue entry (signed in by token) instead of joining a code; null for a code. */
    private QueueTicket ticket;

    /** Issue 6: take a session another technician offered (transfer or watch) instead of joining a code. */
    private HandoverTicket handoverTicket;

    /** Takes an offered session on this new connection. Call before the session starts. */
    void take(HandoverTicket ticket) {
        this.handoverTicket = ticket;
    }

    /** Issue 7: a signed-in Console joins by code signed in too, so the relay knows whose session it is. */
    private String joinToken;

    /** Signs in with this session token before joining by code (null: join anonymously). Call before the session starts. */
    void signInBeforeJoin(String sessionToken) {
        this.joinToken = sessionToken;
    }

    /** Picks a waiting customer from the queue instead of joining by code. Call before the session starts. */
    void pick(QueueTicket queueTicket) {
        this.ticket = queueTicket;
    }

    TechnicianLiveSession(EventLoop loop, RelayEndpoint endpoint, SessionCode code, TechnicianIdentity identity,
                          SecureRandom random, SessionListener listener, Clock clock,
                        Consumer<CompletableFuture<Void>> goodbyes) {
        super(loop, endpoint, Role.TECHNICIAN, listener, clock, goodbyes);
        this.viewer = new ScreenViewer(loop, new ViewerEvents() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void stateChanged(ScreenShareState state) {
                listener.onScreenShare(state);
            }

            @Override
            public void frame(RemoteScreenFrame frame) {
                listener.onScreenFrame(frame);
            }

            @Override
            public void stats(ScreenStats stats) {
                listener.onScreenStats(stats);
            }
        });
        this.diagnostics = new TechnicianDiagnostics(new TechnicianDiagnostics.Events() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void askConsent(String reason) {
                requestCapabilities(Set.of(Capability.RUN_DIAGNOSTICS), reason);
            }

            @Override
            public void progress(DiagnosticsActivity activity) {
                listener.onDiagnosticsProgress(activity);
            }

            @Override
            public void result(long requestId, ProbeResult result) {
                listener.onDiagnosticsResult(requestId, result);
            }
        });
        this.input = new InputSender(this::sendMessage, new RemoteControl.SessionThread() {
            @Override
            public void execute(Runnable task) {
                onLoop(task);
            }

            @Override
            public void schedule(Runnable task, long delayMs) {
                try {
                    loop.schedule(task, delayMs, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // the app is shutting down
                }
            }
        }, clock::millis);
        this.code = code;
        this.identity = identity;
        this.random = random;
        this.clipboard = new TechnicianClipboard(new TechnicianClipboard.Events() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void received(String text) {
                listener.onClipboardText(text);
            }

            @Override
            public void event(ClipboardEvent event) {
                listener.onClipboard(event);
            }
        }, timeline);
    }

    @Override
    protected void onFreshConnection() {
        if (handoverTicket != null) {
            link.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setSessionToken(handoverTicket.sessionToken())).build());
            link.send(RelayFrame.newBuilder().setHandoverAnswer(HandoverAnswer.newBuilder()
                    .setOfferId(ByteString.copyFrom(handoverTicket.offerId())).setAccept(true)).build());
            return;
        }
        if (ticket != null) {
            // The relay handles frames one after the other: sign in by token first, then pick.
            link.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setSessionToken(ticket.sessionToken())).build());
            link.send(RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(ticket.entryId())).build());
            return;
        }
        if (joinToken != null && !joinToken.isEmpty()) {
            link.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setSessionToken(joinToken)).build());
        }
        link.send(RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(code.nameplate())).build());
    }

    @Override
    protected void onRoleFrame(RelayFrame frame) {
        if (frame.getBodyCase() == RelayFrame.BodyCase.HANDOVER_STATUS) {
            onHandoverStatus(HandoverMessages.event(frame.getHandoverStatus()));
            return;
        }
        if (frame.getBodyCase() == RelayFrame.BodyCase.SIGN_IN_FAILED && ticket == null && handoverTicket == null) {
            // Code flow: the join goes ahead unsigned (the report then stays local); only a pick needs the sign-in.
            return;
        }
        if (frame.getBodyCase() == RelayFrame.BodyCase.SIGN_IN_FAILED) {
            link.close();
            finish(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, "signed out: " + frame.getSignInFailed().getMessage()));
        }
        // SignedIn (token accepted) needs nothing; the pick's answer follows.
    }

    /** Issue 6: the relay's word on a transfer or watch of this session (or, for B, the one it takes). */
    private void onHandoverStatus(HandoverEvent event) {
        listener.onHandover(event);
        boolean mine = endToEnd != null && endToEnd.isSecured();
        if (!mine && handoverTicket != null && event.outcome().keepsSession()) {
            // B's take did not happen (the customer said no, the offer expired): nothing to wait for.
            link.close();
            finish(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, event.describe()));
            return;
        }
        if (mine && event.kind() == HandoverEvent.Kind.TRANSFER && event.outcome() == HandoverEvent.Outcome.COMPLETED) {
            // The relay has moved the session; our keys open nothing that is sent from now on.
            link.close();
            finish(new SessionEnd(SessionEnd.Reason.HANDED_OVER, "handed over to " + event.technician()));
        }
    }

    @Override
    public void handOver(String technician, dev.lifeline.client.handover.HandoverNote note) {
        askRelay(HandoverEvent.Kind.TRANSFER, technician, note);
    }

    @Override
    public void inviteToWatch(String technician, dev.lifeline.client.handover.HandoverNote note) {
        askRelay(HandoverEvent.Kind.WATCH, technician, note);
    }

    /** Tells the customer end to end first, then asks the relay: the customer accepts only what we announced. */
    private void askRelay(HandoverEvent.Kind kind, String technician, dev.lifeline.client.handover.HandoverNote note) {
        dev.lifeline.client.handover.HandoverNote card = note == null ? dev.lifeline.client.handover.HandoverNote.NONE : note;
        String name = technician == null ? "" : technician.strip();
        onLoop(() -> {
            if (isEnded() || endToEnd == null || !endToEnd.isSecured() || name.isEmpty()) {
                listener.onHandover(new HandoverEvent(kind, HandoverEvent.Outcome.REFUSED, name, "the session is not running"));
                return;
            }
            sendMessage(SessionMessage.newBuilder().setHandoverIntent(HandoverIntent.newBuilder()
                    .setKind(HandoverMessages.toIntent(kind)).setTechnician(name)).build());
            link.send(RelayFrame.newBuilder().setHandoverRequest(HandoverRequest.newBuilder()
                    .setKind(HandoverMessages.toWire(kind)).setTechnician(name)
                    .setProblem(card.problem()).setNote(card.note())).build());
        });
    }

    @Override
    public void endWatch(String technician) {
        onLoop(() -> {
            if (!isEnded() && link != null) {
                link.send(RelayFrame.newBuilder().setWatchEnd(WatchEnd.newBuilder().setTechnician(technician)).build());
            }
        });
    }

    @Override
    protected void onPaired(Paired paired) {
        customerName = paired.getCustomerName();
        sessionId = HexFormat.of().formatHex(paired.getSessionId().toByteArray());
        String secret = paired.getViaQueue() ? QueueFlow.SECRET : code.secret();
        handshake = new TechnicianHandshake(secret, paired.getSessionId().toByteArray(), identity, random);
        endToEnd = new EndToEndSession(handshake, frame -> link.send(frame), this);
        endToEnd.start();
    }

    @Override
    protected dev.lifeline.common.identity.OrganisationRoot recordingTrustRoot() {
        return identity.organisationRoot();
    }

    @Override
    protected PeerInfo peerInfo(HandshakeResult result) {
        return PeerInfo.customer(customerName);
    }

    @Override
    public void onFailure(EndToEndFailure failure) {
        if (failure.kind() != EndToEndFailure.Kind.HANDSHAKE) {
            endAfterFailure(failure, SessionEnd.Reason.HANDSHAKE_FAILED);
            return;
        }
        // Leave it to the customer's app to reject us: closing first would look like a dropped
        // connection to the relay and keep the customer waiting for a resume.
        handshakeFailure = failure.handshakeFailure().orElse(null);
        loop.schedule(() -> finish(endForHandshakeFailure()), REJECTION_WAIT_MS, TimeUnit.MILLISECONDS);
    }

    private SessionEnd endForHandshakeFailure() {
        if (handshakeFailure != null && handshakeFailure.reason() == HandshakeFailedException.Reason.WRONG_CODE) {
            return new SessionEnd(SessionEnd.Reason.WRONG_CODE, "the code is not right");
        }
        return new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED,
                handshakeFailure == null ? "handshake failed" : handshakeFailure.getMessage());
    }

    /**
     * The customer's app may notice a wrong code before we do and reject us first. Once it has
     * seen our key confirmation, a rejection means it did not accept the code.
     */
    private SessionEnd endForRejection() {
        if (handshakeFailure != null) {
            return endForHandshakeFailure();
        }
        if (handshake != null && handshake.codeAttemptSpent()) {
            return new SessionEnd(SessionEnd.Reason.WRONG_CODE, "the code is not right");
        }
        return new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED, "the customer's app rejected the connection");
    }

    /**
     * A rejection can reach us as a plain disconnect (the relay closes our connection as it drops
     * us); the resume that follows is refused. Mid-handshake, that is the same rejection.
     */
    @Override
    protected SessionEnd endWhenResumeRejected() {
        boolean midHandshake = endToEnd == null || !endToEnd.isSecured();
        return midHandshake && (handshakeFailure != null || (handshake != null && handshake.codeAttemptSpent()))
                ? endForRejection() : super.endWhenResumeRejected();
    }

    @Override
    protected boolean onRoleError(RelayError error) {
        SessionEnd end = switch (error.getCode()) {
            case UNKNOWN_NAMEPLATE -> new SessionEnd(SessionEnd.Reason.WRONG_CODE, "no session is waiting under this code");
            case NAMEPLATE_BUSY -> new SessionEnd(SessionEnd.Reason.RELAY_ERROR, "another technician is already in this session");
            case JOIN_RATE_LIMITED -> new SessionEnd(SessionEnd.Reason.RELAY_ERROR, "too many join attempts; wait a minute");
            case REJECTED_BY_CUSTOMER -> endForRejection();
            case QUEUE_ENTRY_TAKEN -> new SessionEnd(SessionEnd.Reason.TAKEN_BY_ANOTHER, error.getMessage());
            case NOT_SIGNED_IN, QUEUE_UNAVAILABLE -> new SessionEnd(SessionEnd.Reason.RELAY_ERROR, error.getMessage());
            default -> null;
        };
        if (end == null) {
            return false;
        }
        link.close();
        finish(end);
        return true;
    }

    @Override
    protected CloseReason myCloseReason() {
        return CloseReason.ENDED_BY_TECHNICIAN;
    }

    @Override
    public void sendOutcome(dev.lifeline.common.wire.outcome.SessionOutcome outcome) {
        // On the session thread, queued before the end that follows it.
        onLoop(() -> sendMessage(SessionMessage.newBuilder().setSessionOutcome(outcome).build()));
    }

    @Override
    protected boolean onRoleMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case CONSENT_STATE -> {
                var snapshot = ConsentMessages.fromWire(message.getConsentState());
                onConsentState(snapshot);
                diagnostics.consentChanged(snapshot);
            }
            case DIAGNOSTICS_PROGRESS, DIAGNOSTICS_RESULT, DIAGNOSTICS_REQUEST -> diagnostics.onMessage(message);
            case REFUSED -> onRefused(message.getRefused());
            case CLIPBOARD -> clipboard.onMessage(message);
            case FILE_TRANSFER -> transfers.onMessage(message);
            case CONTROL_STATE -> listener.onControlStatus(ControlMessages.fromWire(message.getControlState()));
            case WATCHERS -> listener.onWatchers(List.copyOf(message.getWatchers().getNamesList().stream()
                    .limit(4).map(n -> n.length() > 100 ? n.substring(0, 100) : n).toList()));
            case WATCHED_CHAT -> {
                // A watcher follows the conversation between the customer and the technician.
                var line = message.getWatchedChat();
                String text = line.getAuthor() + ": " + line.getText();
                listener.onChat(new ChatLine(text.length() > MAX_CHAT_CHARS ? text.substring(0, MAX_CHAT_CHARS) : text,
                        clock.instant(), false));
            }
            default -> {
                return viewer.onMessage(message);
            }
        }
        return true;
    }

    private void onConsentState(dev.lifeline.common.consent.ConsentSnapshot snapshot) {
        boolean hadFiles = consent.isGranted(Capability.TRANSFER_FILES);
        java.util.Optional<dev.lifeline.common.consent.ConsentEvent> previous = consent.lastChange();
        consent = snapshot;
        // The customer's last change, into our own timeline (the report is written on this side).
        snapshot.lastChange().filter(change -> !previous.equals(java.util.Optional.of(change))).ifPresent(timeline::consent);
        if (hadFiles && !snapshot.isGranted(Capability.TRANSFER_FILES)) {
            transfers.revoked();
        }
        listener.onConsentChanged(snapshot);
    }

    @Override
    protected boolean transfersAllowed() {
        return consent.isGranted(Capability.TRANSFER_FILES);
    }

    @Override
    public void sendClipboard(String text) {
        onLoop(() -> clipboard.send(text));
    }

    @Override
    public void requestClipboard() {
        onLoop(clipboard::request);
    }

    private void onRefused(Refused refused) {
        String kind = refused.getMessageKind();
        ConsentMessages.fromWire(refused.getCapability()).ifPresent(capability -> timeline.record(
                dev.lifeline.common.timeline.TimelineEntry.Kind.MESSAGE_REFUSED,
                dev.lifeline.common.timeline.TimelineEntry.Actor.CUSTOMER_APP, capability.name(), 0,
                kind.length() > 64 ? kind.substring(0, 64) : kind));
        ConsentMessages.fromWire(refused.getCapability()).ifPresent(capability -> listener.onRefused(
                new Refusal(capability, kind.length() > 64 ? kind.substring(0, 64) : kind, refused.getCount())));
    }

    @Override
    protected void afterSecured() {
        if (screenWanted) {
            viewer.request();
        }
    }

    @Override
    protected void onFinished() {
        viewer.close();
    }

    @Override
    public void requestScreen() {
        onLoop(() -> {
            if (endToEnd != null && endToEnd.isSecured()) {
                viewer.request();
            } else {
                screenWanted = true; // asked before the handshake finished: ask once secured
            }
        });
    }

    @Override
    public void stopViewing() {
        onLoop(() -> {
            screenWanted = false;
            viewer.stopViewing();
        });
    }

    @Override
    public void setScreenQuality(Quality quality) {
        onLoop(() -> viewer.setQuality(quality));
    }

    @Override
    public void selectMonitor(int index) {
        onLoop(() -> viewer.selectMonitor(index));
    }

    @Override
    public void requestCapabilities(Set<Capability> capabilities, String reason) {
        Set<Capability> others = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        // The screen is asked for through the viewer, which then expects the customer's answer.
        if (others.remove(Capability.VIEW_SCREEN)) {
            requestScreen();
        }
        if (others.isEmpty()) {
            return;
        }
        String shown = reason == null ? "" : reason.strip();
        ConsentRequest.Builder request = ConsentRequest.newBuilder()
                .setReason(shown.length() > CustomerConsent.MAX_REASON_CHARS ? shown.substring(0, CustomerConsent.MAX_REASON_CHARS) : shown);
        others.forEach(c -> request.addCapabilities(ConsentMessages.toWire(c)));
        onLoop(() -> sendMessage(SessionMessage.newBuilder().setConsentRequest(request).build()));
    }

    @Override
    public void sendInput(RemoteInput event) {
        onLoop(() -> input.send(event));
    }

    @Override
    public void pointLaser(int monitor, int x, int y, boolean visible) {
        onLoop(() -> input.laser(monitor, x, y, visible));
    }

    @Override
    public void giveUp(Capability capability) {
        if (capability == Capability.VIEW_SCREEN) {
            stopViewing();
            return;
        }
        onLoop(() -> sendMessage(SessionMessage.newBuilder().setConsentRevoke(
                ConsentRevoke.newBuilder().addCapabilities(ConsentMessages.toWire(capability))).build()));
    }

    @Override
    public long requestDiagnostics(Collection<Probe> probes) {
        List<Probe> copy = List.copyOf(probes);
        long id = nextDiagnosticsId.incrementAndGet();
        onLoop(() -> diagnostics.request(id, copy));
        return id;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }
}
