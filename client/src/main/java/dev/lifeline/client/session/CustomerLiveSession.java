package dev.lifeline.client.session;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.CustomerClipboard;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.CustomerConsent;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.diagnostics.CustomerDiagnostics;
import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.DiagnosticsReview;
import dev.lifeline.client.probes.ProbeRunner;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.util.Collection;
import java.util.List;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.LaserPointing;
import dev.lifeline.client.control.RemoteControl;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.sharing.ScreenSharing;
import dev.lifeline.client.sharing.SharingEvents;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.handshake.CustomerHandshake;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.handshake.HandshakeFailedException;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.session.EndToEndFailure;
import dev.lifeline.common.session.EndToEndSession;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.OpenSession;
import dev.lifeline.common.pairing.QueueFlow;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.QueueStatus;
import dev.lifeline.common.wire.relay.QueueSubmit;
import dev.lifeline.common.wire.relay.RejectPeer;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SessionOpened;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The customer's side: gets a nameplate, adds its own secret, waits, and runs the handshake with
 * whoever joins. A joiner that fails the handshake is rejected and the code stays; after
 * {@link #MAX_FAILED_HANDSHAKES} failures the code is burned and a new one is shown, so an attacker
 * gets that many online guesses at one million secrets.
 */
final class CustomerLiveSession extends LiveSession implements CustomerSessionHandle {
    static final int MAX_FAILED_HANDSHAKES = 3;
    /** How long a waiting customer's app keeps trying to get back to the relay after a drop. */
    static final long WAITING_RECONNECT_MS = 60_000;

    private final String customerName;
    private final OrganisationRoot pinnedRoot;
    private final SecureRandom random;
    /** Consent and capture; nothing is captured before the person says yes. */
    private final ScreenSharing sharing;
    /** Per-capability consent and the gate every technician message passes first. */
    private final CustomerConsent consent;
    private final ConsentLedger ledger;
    /** Applies the technician's clipboard messages that passed the gate. */
    private final CustomerClipboard clipboard;
    /** Diagnostics probes: run only with RUN_DIAGNOSTICS granted, previewed before they are sent. */
    private final CustomerDiagnostics diagnostics;
    /** Remote control: applies the technician's input only while CONTROL_INPUT is granted. */
    private final RemoteControl control;
    /** The technician's laser dot: needs only the screen, acts on nothing. */
    private final LaserPointing laser;
    /** Injection can block for a moment (typing a long text): never on the network thread. */
    private final ExecutorService inputThread;
    private String secret;
    /** Issue 6: also wait in the relay's queue; null shows a code only. */
    private QueueRequest queue;
    /** Lets this app re-attach to its queue entry after a dropped connection, keeping its place. */
    private com.google.protobuf.ByteString rejoinToken = com.google.protobuf.ByteString.EMPTY;
    /** Paired by a queue pick: the handshake runs in queue flow and needs a VERIFIED technician. */
    private boolean viaQueue;
    private boolean technicianVerified;
    private SessionCode code;
    private int failedHandshakes;
    private boolean burning;
    /** Recording (issue 7): null before any notice, then whether the person said yes. */
    private Boolean recordingAccepted;
    /** A code that waits for the person's answer to the recording notice. */
    private SessionCode heldCode;
    private long heldCodeExpiry;
    /** Issue 6: the technicians watching the screen, each on its own end-to-end channel. */
    private final dev.lifeline.client.watch.CustomerWatchers watchers;
    /** Issue 6: a watch the person is being asked about: the relay's ticket and the watcher's name. */
    private byte[] pendingWatchTicket;
    private String pendingWatcher;
    /** Issue 6: what the technician announced end to end (transfer, watch); the relay's notices must match. */
    private final dev.lifeline.client.handover.HandoverIntents intents;
    /** Issue 6: a transfer is under way: the next Paired is the new technician's, who must carry this name. */
    private String expectedTechnician;
    private boolean transferPending;
    /** The name in the certificate of the technician the last handshake verified. */
    private String verifiedName = "";
    /** SessionOpened replies to a RejectPeer that are stale because the code was burned meanwhile. */
    private int staleReopenReplies;

    /**
     * {@code probes} null: diagnostics requests are answered "not available"; {@code review}: the
     * person previews diagnostics results before they are sent.
     */
    CustomerLiveSession(EventLoop loop, RelayEndpoint endpoint, String customerName, OrganisationRoot pinnedRoot,
                        SecureRandom random, SessionListener listener, Clock clock,
                        Consumer<CompletableFuture<Void>> goodbyes, ScreenSources screens, ControlDevices devices,
                        ProbeRunner probes, boolean review, SystemClipboard systemClipboard) {
        super(loop, endpoint, Role.CUSTOMER, listener, clock, goodbyes);
        // The ledger reports to consent, which is made after screen sharing (it asks through it).
        ConsentLedger ledger = new ConsentLedger(clock, this::consentChanged);
        this.ledger = ledger;
        this.clipboard = new CustomerClipboard(loop, systemClipboard, () -> ledger.isGranted(Capability.CLIPBOARD),
                new CustomerClipboard.Events() {
                    @Override
                    public void send(SessionMessage message) {
                        sendMessage(message);
                    }

                    @Override
                    public void used(ClipboardEvent event) {
                        listener.onClipboard(event);
                    }
                }, timeline);
        this.sharing = new ScreenSharing(loop, screens, new SharingEvents() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void screenRequested() {
                listener.onScreenRequested();
            }

            @Override
            public void stateChanged(ScreenShareState state) {
                if (state.status() != ScreenShareState.Status.SHARING) {
                    laser.hide(); // nothing to point at on a paused or stopped picture
                }
                listener.onScreenShare(state);
            }
        }, ledger);
        this.consent = new CustomerConsent(ledger, sharing, new CustomerConsent.Events() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void requested(ConsentPrompt prompt) {
                listener.onConsentRequested(prompt);
            }

            @Override
            public void changed(ConsentSnapshot snapshot) {
                listener.onConsentChanged(snapshot);
            }

            @Override
            public void refused(Refusal refusal) {
                timeline.record(TimelineEntry.Kind.MESSAGE_REFUSED, TimelineEntry.Actor.CUSTOMER_APP,
                        refusal.capability().name(), 0, refusal.messageKind());
                listener.onRefused(refusal);
            }
        });
        this.diagnostics = new CustomerDiagnostics(this::onLoop, probes, ledger, review, new CustomerDiagnostics.Events() {
            @Override
            public void send(SessionMessage message) {
                sendMessage(message);
            }

            @Override
            public void progress(DiagnosticsActivity activity) {
                listener.onDiagnosticsProgress(activity);
            }

            @Override
            public void review(DiagnosticsReview review) {
                listener.onDiagnosticsReview(review);
            }
        });
        this.inputThread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "lifeline-input");
            t.setDaemon(true);
            return t;
        });
        this.control = new RemoteControl(devices.injectors(), inputThread, devices.localInput(), sharing::sharedMonitors,
                clock, System::nanoTime, new RemoteControl.SessionThread() {
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
                }, new RemoteControl.Events() {
                    @Override
                    public void send(SessionMessage message) {
                        sendMessage(message);
                    }

                    @Override
                    public void statusChanged(ControlStatus status) {
                        listener.onControlStatus(status);
                    }
                });
        this.laser = new LaserPointing(devices.overlays(), sharing::sharedMonitors, clock);
        this.customerName = customerName == null ? "" : customerName.strip();
        this.pinnedRoot = pinnedRoot;
        this.random = random;
        this.secret = SessionCode.newSecret(random);
        this.intents = new dev.lifeline.client.handover.HandoverIntents(clock);
        this.watchers = new dev.lifeline.client.watch.CustomerWatchers(loop, endpoint, pinnedRoot, random, clock, screens,
                new dev.lifeline.client.watch.CustomerWatchers.Session() {
                    @Override
                    public void sendToTechnician(SessionMessage message) {
                        sendMessage(message);
                    }

                    @Override
                    public void watchersChanged(java.util.List<String> names) {
                        listener.onWatchers(names);
                    }

                    @Override
                    public void watcherChat(String name, String text) {
                        listener.onChat(new ChatLine(name + ": " + text, clock.instant(), false));
                    }
                });
    }

    /** Also submits to the relay's waiting queue on every (re)connection. Call before the session starts. */
    void queue(QueueRequest request) {
        this.queue = request;
    }

    @Override
    protected void onFreshConnection() {
        link.send(openSession());
        if (queue != null) {
            link.send(RelayFrame.newBuilder().setQueueSubmit(QueueSubmit.newBuilder()
                    .setCustomerName(customerName.isEmpty() ? "Customer" : customerName)
                    .setProblem(queue.problem()).setContact(queue.contact()).setOrganisation(queue.organisation())
                    .setRejoinToken(rejoinToken)).build());
        }
    }

    private RelayFrame openSession() {
        return RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName(customerName)).build();
    }

    @Override
    protected void onRoleFrame(RelayFrame frame) {
        if (frame.getBodyCase() == RelayFrame.BodyCase.HANDOVER_NOTICE) {
            onHandoverNotice(frame.getHandoverNotice());
            return;
        }
        if (frame.getBodyCase() == RelayFrame.BodyCase.QUEUE_STATUS) {
            QueueStatus status = frame.getQueueStatus();
            if (!status.getRejoinToken().isEmpty()) {
                rejoinToken = status.getRejoinToken();
            }
            listener.onQueued(status.getPosition());
            return;
        }
        if (frame.getBodyCase() == RelayFrame.BodyCase.SESSION_OPENED) {
            SessionOpened opened = frame.getSessionOpened();
            if (staleReopenReplies > 0) {
                // The relay's answer to our RejectPeer names the burned nameplate; the new one follows.
                staleReopenReplies--;
                return;
            }
            SessionCode fresh = new SessionCode(opened.getNameplate(), secret);
            if (burning) {
                burning = false;
                listener.onCodeBurned(failedHandshakes);
                failedHandshakes = 0;
            }
            reconnected();
            if (!fresh.equals(code)) {
                code = fresh;
                if (recorded() && !Boolean.TRUE.equals(recordingAccepted)) {
                    // Nobody can join before the person has read that the session is recorded.
                    heldCode = code;
                    heldCodeExpiry = opened.getExpiresAtMs();
                    return;
                }
                listener.onCodeReady(code, opened.getExpiresAtMs());
            }
        }
    }

    @Override
    protected OrganisationRoot recordingTrustRoot() {
        return pinnedRoot;
    }

    @Override
    protected void onRecordingNotice(dev.lifeline.client.recording.RecordingNoticeInfo notice) {
        sharing.recording(true);
        if (recordingAccepted == null) {
            listener.onRecordingNotice(notice);
        }
    }

    @Override
    public void answerRecordingNotice(boolean accept) {
        onLoop(() -> {
            if (isEnded() || recordingAccepted != null) {
                return;
            }
            recordingAccepted = accept;
            if (!accept) {
                end();
                return;
            }
            if (heldCode != null) {
                listener.onCodeReady(heldCode, heldCodeExpiry);
                heldCode = null;
            }
        });
    }

    /**
     * Issue 6: the relay says the technician hands us over (or invites a watcher). Accepted only
     * when the technician announced exactly that, end to end; otherwise the session ends, since
     * the relay has already moved it.
     */
    private void onHandoverNotice(dev.lifeline.common.wire.relay.HandoverNotice notice) {
        var kind = dev.lifeline.client.handover.HandoverMessages.fromWire(notice.getKind());
        String to = notice.getToTechnician();
        if (kind.isEmpty() || !intents.consume(kind.get(), to)) {
            if (kind.isPresent() && kind.get() == dev.lifeline.client.handover.HandoverEvent.Kind.WATCH) {
                link.send(RelayFrame.newBuilder().setHandoverReady(dev.lifeline.common.wire.relay.HandoverReady.newBuilder()
                        .setWatchTicket(notice.getWatchTicket()).setAccept(false)).build());
                return;
            }
            endWithClose(CloseReason.HANDSHAKE_FAILED, new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED,
                    "the relay moved the session to someone the technician did not name; the session was ended"));
            return;
        }
        if (kind.get() == dev.lifeline.client.handover.HandoverEvent.Kind.WATCH) {
            onWatchNotice(notice);
            return;
        }
        // Transfer: nothing granted to the old technician carries over, and nothing more is sealed
        // for it. The chat the person sees stays in the window.
        unpair();
        transferPending = true;
        expectedTechnician = to;
        consent.endAllForHandover();
        laser.hide();
        listener.onHandoverNotice(new dev.lifeline.client.handover.CustomerHandoverNotice(kind.get(), verifiedName, to));
    }

    /** A watch invitation the technician announced: ask the person (one question at a time). */
    private void onWatchNotice(dev.lifeline.common.wire.relay.HandoverNotice notice) {
        if (pendingWatchTicket != null || notice.getWatchTicket().size() != 16) {
            link.send(RelayFrame.newBuilder().setHandoverReady(dev.lifeline.common.wire.relay.HandoverReady.newBuilder()
                    .setWatchTicket(notice.getWatchTicket()).setAccept(false)).build());
            return;
        }
        pendingWatchTicket = notice.getWatchTicket().toByteArray();
        pendingWatcher = notice.getToTechnician();
        listener.onHandoverNotice(new dev.lifeline.client.handover.CustomerHandoverNotice(
                dev.lifeline.client.handover.HandoverEvent.Kind.WATCH, verifiedName, pendingWatcher));
    }

    @Override
    public void answerWatch(boolean allow) {
        onLoop(() -> {
            byte[] ticket = pendingWatchTicket;
            String name = pendingWatcher;
            pendingWatchTicket = null;
            pendingWatcher = null;
            if (ticket == null || isEnded() || link == null) {
                return;
            }
            boolean open = allow && watchers.open(ticket, name);
            link.send(RelayFrame.newBuilder().setHandoverReady(dev.lifeline.common.wire.relay.HandoverReady.newBuilder()
                    .setWatchTicket(com.google.protobuf.ByteString.copyFrom(ticket)).setAccept(open)).build());
        });
    }

    @Override
    public void removeWatcher(String name) {
        onLoop(() -> watchers.remove(name));
    }

    @Override
    protected void chatLine(ChatLine line) {
        String author = line.mine() ? (customerName.isEmpty() ? "Customer" : customerName)
                : (verifiedName.isEmpty() ? "Technician" : verifiedName);
        watchers.mirrorChat(author, line.text(), line.sentAt().toEpochMilli());
    }

    /** The watchers' channels and counters, for tests in this package. */
    dev.lifeline.client.watch.CustomerWatchers watchers() {
        return watchers;
    }

    @Override
    protected void onPaired(Paired paired) {
        if (transferPending) {
            // Everything we send from here on is for the new technician; the relay held our frames till now.
            transferPending = false;
            link.send(RelayFrame.newBuilder().setHandoverReady(dev.lifeline.common.wire.relay.HandoverReady.getDefaultInstance()).build());
        }
        viaQueue = paired.getViaQueue();
        CustomerHandshake handshake = new CustomerHandshake(viaQueue ? QueueFlow.SECRET : secret,
                paired.getSessionId().toByteArray(), pinnedRoot, random, clock);
        endToEnd = new EndToEndSession(handshake, frame -> link.send(frame), this);
        listener.onPeerJoined();
        endToEnd.start();
    }

    @Override
    protected PeerInfo peerInfo(HandshakeResult result) {
        TechnicianVerification technician = result.technician();
        technicianVerified = technician.status() == TechnicianVerification.Status.VERIFIED;
        verifiedName = technicianVerified ? technician.name() : "";
        PeerInfo.Trust trust = switch (technician.status()) {
            case VERIFIED -> PeerInfo.Trust.VERIFIED;
            case UNTRUSTED -> PeerInfo.Trust.UNTRUSTED;
            case NO_PINNED_ROOT -> PeerInfo.Trust.NO_PINNED_ROOT;
        };
        return new PeerInfo(technician.name(), technician.organisation(), trust, describe(technician.detail()));
    }

    private static String describe(TechnicianVerification.Problem problem) {
        if (problem == null) {
            return "";
        }
        return switch (problem) {
            case OTHER_ORGANISATION -> "the certificate was issued by another organisation";
            case EXPIRED -> "the certificate has expired or is not yet valid";
            case BAD_SIGNATURE -> "the certificate's signature is not valid";
            case NOT_A_TECHNICIAN_CERTIFICATE -> "the certificate is not a technician certificate";
            case MALFORMED -> "the certificate cannot be read";
        };
    }

    /** Queue flow has no code: only the certificate says who joined, so it must verify. */
    @Override
    protected void afterSecured() {
        if (viaQueue && !technicianVerified) {
            endWithClose(CloseReason.HANDSHAKE_FAILED, new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED,
                    "the technician from the queue could not be verified; the session was ended"));
            return;
        }
        if (expectedTechnician != null) {
            // A transfer: the certificate must name the technician the old one announced.
            String expected = expectedTechnician;
            expectedTechnician = null;
            if (!expected.equals(verifiedName)) {
                endWithClose(CloseReason.HANDSHAKE_FAILED, new SessionEnd(SessionEnd.Reason.HANDSHAKE_FAILED,
                        "the new technician is not " + expected + "; the session was ended"));
            }
        }
    }

    @Override
    public void onFailure(EndToEndFailure failure) {
        if (failure.kind() != EndToEndFailure.Kind.HANDSHAKE) {
            endAfterFailure(failure, SessionEnd.Reason.HANDSHAKE_FAILED);
            return;
        }
        // Wrong code or an impostor: drop the joiner and keep waiting. Once the joiner has seen our
        // key confirmation it could test one guess of the secret, so that counts as an attempt.
        boolean attemptSpent = failure.handshakeFailure().map(HandshakeFailedException::codeAttemptSpent).orElse(true);
        if (attemptSpent) {
            failedHandshakes++;
        }
        unpair();
        link.send(RelayFrame.newBuilder().setRejectPeer(RejectPeer.newBuilder().setReason("handshake failed")).build());
        if (failedHandshakes >= MAX_FAILED_HANDSHAKES) {
            secret = SessionCode.newSecret(random);
            burning = true;
            staleReopenReplies++;
            link.send(openSession());
        } else if (attemptSpent) {
            listener.onWrongCodeAttempt(MAX_FAILED_HANDSHAKES - failedHandshakes);
        }
    }

    /**
     * Waiting for a technician when the connection dropped: the relay has forgotten the nameplate
     * (nothing to resume before pairing), so reconnect and show the new code that comes back.
     */
    @Override
    protected void onUnpairedConnectionLost(Throwable cause) {
        code = null;
        reconnectFresh(WAITING_RECONNECT_MS);
    }

    @Override
    protected boolean onRoleMessage(SessionMessage message) {
        if (message.getBodyCase() == SessionMessage.BodyCase.HANDOVER_INTENT) {
            var intent = message.getHandoverIntent();
            dev.lifeline.client.handover.HandoverMessages.fromIntent(intent.getKind())
                    .ifPresent(kind -> intents.announced(kind, intent.getTechnician()));
            return true;
        }
        // Consent first: nothing needing a capability reaches a handler without a live grant.
        return consent.onMessage(message) || control.onMessage(message) || laser.onMessage(message)
                || clipboard.onMessage(message) || transfers.onMessage(message) || sharing.onMessage(message)
                || diagnostics.onMessage(message);
    }

    @Override
    protected void onFinished() {
        watchers.closeAll();
        sharing.close();
        control.close();
        laser.close();
        inputThread.shutdown(); // after the releases close() queued
    }

    @Override
    public void answerScreenRequest(boolean allow) {
        onLoop(() -> sharing.answer(allow));
    }

    @Override
    public void pauseScreen() {
        onLoop(() -> {
            sharing.pause();
            watchers.pauseScreens();
        });
    }

    @Override
    public void resumeScreen() {
        onLoop(() -> {
            sharing.resume();
            watchers.resumeScreens();
        });
    }

    @Override
    public void stopScreen() {
        onLoop(() -> {
            consent.revoke(Capability.VIEW_SCREEN);
            watchers.closeAll(); // Stop means nobody sees the screen any more
        });
    }

    @Override
    public void grant(Capability capability) {
        onLoop(() -> consent.grant(capability));
    }

    @Override
    public void deny(Capability capability) {
        onLoop(() -> consent.deny(capability));
    }

    @Override
    public void revoke(Capability capability) {
        onLoop(() -> consent.revoke(capability));
    }

    @Override
    public void panic() {
        onLoop(() -> {
            consent.revoke(Capability.CONTROL_INPUT);
            sharing.pause();
            watchers.pauseScreens();
            laser.hide();
        });
    }

    private void consentChanged(ConsentEvent event) {
        timeline.consent(event);
        consent.changed(event);
        if (event.capability() == Capability.TRANSFER_FILES && !ledger.isGranted(Capability.TRANSFER_FILES)) {
            transfers.revoked();
        }
        if (event.capability() == Capability.RUN_DIAGNOSTICS && event.kind() == ConsentEvent.Kind.REVOKED) {
            diagnostics.revoked();
        }
        if (event.capability() == Capability.CONTROL_INPUT) {
            if (event.kind() == ConsentEvent.Kind.GRANTED) {
                control.granted();
            } else if (event.kind() == ConsentEvent.Kind.REVOKED) {
                control.revoked();
            }
        }
    }

    @Override
    protected boolean transfersAllowed() {
        return ledger.isGranted(Capability.TRANSFER_FILES);
    }

    @Override
    public void sendDiagnostics(long requestId, Collection<Probe> withheld) {
        List<Probe> copy = List.copyOf(withheld);
        onLoop(() -> diagnostics.release(requestId, copy));
    }

    @Override
    public void declineDiagnostics(long requestId) {
        onLoop(() -> diagnostics.decline(requestId));
    }

    /** Diagnostics counters, for tests in this package. */
    CustomerDiagnostics diagnostics() {
        return diagnostics;
    }

    /** Remote control's state and counters, for tests in this package. */
    RemoteControl control() {
        return control;
    }

    /** Consent state and counters, for tests in this package. */
    CustomerConsent consent() {
        return consent;
    }

    /** Screen-sharing counters, for tests in this package. */
    ScreenSharing sharing() {
        return sharing;
    }

    /** Bytes sent and not yet acknowledged by the technician (tests: the resend buffer stays small). */
    long unackedBytes() {
        return endToEnd == null ? 0 : endToEnd.unackedBytes();
    }

    @Override
    protected CloseReason myCloseReason() {
        return CloseReason.ENDED_BY_CUSTOMER;
    }
}
