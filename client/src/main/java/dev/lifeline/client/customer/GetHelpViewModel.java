package dev.lifeline.client.customer;

import dev.lifeline.client.chat.ChatViewModel;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.files.TransfersViewModel;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.helprequest.HelpRequestViewModel;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.common.pairing.SessionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The customer's side of one help session, step by step: IDLE (one button), CONNECTING, WAITING
 * (code shown), VERIFYING (technician joined, handshake running), SECURED (technician card,
 * chat and, when the technician asks, screen sharing), ENDED. Listener events come in on a
 * network thread and are moved to {@code uiExecutor}.
 */
public final class GetHelpViewModel {

    public enum Step { IDLE, CONNECTING, WAITING, VERIFYING, SECURED, ENDED }

    /** No wrong-code notice is showing. */
    public static final int NO_WRONG_ATTEMPT = -1;

    private final CustomerSessions sessions;
    private final Executor uiExecutor;
    private final String pinnedOrganisation;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.IDLE);
    private final StringProperty customerName = new SimpleStringProperty(this, "customerName", "");
    private final ObjectProperty<SessionCode> code = new SimpleObjectProperty<>(this, "code");
    private final ObjectProperty<Instant> codeExpiresAt = new SimpleObjectProperty<>(this, "codeExpiresAt");
    private final IntegerProperty wrongAttemptsLeft = new SimpleIntegerProperty(this, "wrongAttemptsLeft", NO_WRONG_ATTEMPT);
    private final IntegerProperty burnedAttempts = new SimpleIntegerProperty(this, "burnedAttempts", 0);
    private final ObjectProperty<PeerInfo> technician = new SimpleObjectProperty<>(this, "technician");
    private final ObjectProperty<LinkState> linkState = new SimpleObjectProperty<>(this, "linkState", LinkState.CONNECTED);
    private final ObjectProperty<SessionEnd> end = new SimpleObjectProperty<>(this, "end");
    private final StringBinding codeDisplay;
    private final BooleanBinding sessionRunning;
    private final ChatViewModel chat;
    private final ScreenSharingViewModel screen = new ScreenSharingViewModel();
    private final ConsentViewModel consent = new ConsentViewModel();
    /** Files both ways (issue 4), and the last notice about the clipboard. */
    private final TransfersViewModel transfers = new TransfersViewModel();
    private final ObjectProperty<ClipboardEvent> clipboardNotice = new SimpleObjectProperty<>(this, "clipboardNotice");
    /** Issue 7: the recording notice waiting for an answer (null when none), and whether the session is recorded. */
    private final ObjectProperty<RecordingNoticeInfo> recordingNotice = new SimpleObjectProperty<>(this, "recordingNotice");
    private final javafx.beans.property.BooleanProperty recorded =
            new javafx.beans.property.SimpleBooleanProperty(this, "recorded", false);
    private final DiagnosticsReviewViewModel diagnostics = new DiagnosticsReviewViewModel();
    private final RemoteControlBannerViewModel control = new RemoteControlBannerViewModel(consent);

    /** Issue 6: transfer notice, watch question, watchers. */
    private final CustomerHandoverViewModel handover = new CustomerHandoverViewModel();
    /** Issue 6: the queue request form; null when these sessions have no queue. */
    private final HelpRequestViewModel helpRequest;
    private CustomerSessionHandle handle;
    private Object currentSession;

    /**
     * @param pinnedOrganisation the organisation whose root this app pins, for the warning text;
     *                           null when unknown (the session API does not report it yet)
     */
    public GetHelpViewModel(CustomerSessions sessions, Executor uiExecutor, Clock clock, String pinnedOrganisation) {
        this.sessions = Objects.requireNonNull(sessions);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.pinnedOrganisation = pinnedOrganisation == null || pinnedOrganisation.isBlank() ? null : pinnedOrganisation;
        this.chat = new ChatViewModel(clock);
        codeDisplay = Bindings.createStringBinding(() -> code.get() == null ? "" : code.get().display(), code);
        helpRequest = sessions.queues() ? new HelpRequestViewModel(customerName) : null;
        sessionRunning = Bindings.createBooleanBinding(
                () -> step.get() != Step.IDLE && step.get() != Step.ENDED, step);
    }

    public GetHelpViewModel(CustomerSessions sessions, Executor uiExecutor) {
        this(sessions, uiExecutor, Clock.systemUTC(), null);
    }

    /** Issue 8: the window has drawn its first frame; the sessions may now get ready for the big button. */
    public void windowReady() {
        sessions.prepare();
    }

    /** The big button: connect and ask the relay for a code. Ignored while a session runs. */
    public void getHelp() {
        if (sessionRunning.get()) {
            return;
        }
        // Issue 6: with the request form, the problem (if any) goes to the queue; a bad form starts nothing.
        dev.lifeline.client.session.QueueRequest request = null;
        if (helpRequest != null) {
            request = helpRequest.validate();
            if (request == null) {
                return;
            }
            helpRequest.reset();
        }
        resetSessionState();
        step.set(Step.CONNECTING);
        Listener listener = new Listener();
        currentSession = listener;
        try {
            String name = customerName.get() == null ? "" : customerName.get().strip();
            handle = helpRequest == null ? sessions.start(name, listener)
                    : sessions.start(name, request == HelpRequestViewModel.CODE_ONLY ? null : request, listener);
        } catch (RuntimeException e) {
            currentSession = null;
            handle = null;
            end.set(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, String.valueOf(e.getMessage())));
            step.set(Step.ENDED);
        }
    }

    /** Issue 6: transfer notice, watch question and watchers. */
    public CustomerHandoverViewModel handover() {
        return handover;
    }

    /** Issue 6: the queue request form (name, problem, contact; place in line); null without a queue. */
    public HelpRequestViewModel helpRequest() {
        return helpRequest;
    }

    /** Yes to the recording notice: the code appears. */
    public void acceptRecording() {
        CustomerSessionHandle h = handle;
        if (recordingNotice.get() == null || h == null) {
            return;
        }
        recordingNotice.set(null);
        recorded.set(true);
        h.answerRecordingNotice(true);
    }

    /** No to the recording notice: the session ends before anyone can join. */
    public void declineRecording() {
        CustomerSessionHandle h = handle;
        if (recordingNotice.get() == null || h == null) {
            return;
        }
        recordingNotice.set(null);
        h.answerRecordingNotice(false);
    }

    public ReadOnlyObjectProperty<RecordingNoticeInfo> recordingNoticeProperty() {
        return recordingNotice;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty recordedProperty() {
        return recorded;
    }

    /** End session, at any step; the session's onEnded moves us to ENDED. */
    public void endSession() {
        if (!sessionRunning.get()) {
            return;
        }
        CustomerSessionHandle h = handle;
        if (h != null) {
            h.end();
        } else {
            ended(new SessionEnd(SessionEnd.Reason.ENDED_BY_ME, ""));
        }
    }

    /** "Get help again" on the ended screen. */
    public void getHelpAgain() {
        if (step.get() == Step.ENDED) {
            step.set(Step.IDLE);
            getHelp();
        }
    }

    private void resetSessionState() {
        code.set(null);
        codeExpiresAt.set(null);
        wrongAttemptsLeft.set(NO_WRONG_ATTEMPT);
        burnedAttempts.set(0);
        technician.set(null);
        linkState.set(LinkState.CONNECTED);
        end.set(null);
        chat.detach();
        chat.clear();
        screen.reset();
        consent.reset();
        transfers.reset();
        clipboardNotice.set(null);
        recordingNotice.set(null);
        recorded.set(false);
        diagnostics.reset();
        control.reset();
        handover.reset();
    }

    private void ended(SessionEnd reason) {
        if (helpRequest != null) {
            helpRequest.reset();
        }
        recordingNotice.set(null);
        currentSession = null;
        handle = null;
        chat.detach();
        screen.reset();
        consent.reset();
        transfers.detach();
        diagnostics.reset();
        control.reset();
        end.set(reason);
        step.set(Step.ENDED);
    }

    /** One per started session; events of an older session are dropped. */
    private final class Listener implements SessionListener {
        @Override
        public void onTransfer(TransferStatus status) {
            onUi(() -> transfers.status(status));
        }

        @Override
        public void onFileOffered(FileOffered offer) {
            onUi(() -> transfers.offered(offer));
        }

        @Override
        public void onClipboard(ClipboardEvent event) {
            onUi(() -> clipboardNotice.set(event));
        }

        private void onUi(Runnable r) {
            uiExecutor.execute(() -> {
                if (currentSession == this) {
                    r.run();
                }
            });
        }

        @Override
        public void onRecordingNotice(RecordingNoticeInfo notice) {
            onUi(() -> recordingNotice.set(notice));
        }

        @Override
        public void onCodeReady(SessionCode newCode, long expiresAtEpochMs) {
            onUi(() -> {
                code.set(newCode);
                codeExpiresAt.set(expiresAtEpochMs > 0 ? Instant.ofEpochMilli(expiresAtEpochMs) : null);
                wrongAttemptsLeft.set(NO_WRONG_ATTEMPT);
                step.set(Step.WAITING);
            });
        }

        @Override
        public void onCodeBurned(int failedAttempts) {
            onUi(() -> {
                burnedAttempts.set(Math.max(1, failedAttempts));
                wrongAttemptsLeft.set(NO_WRONG_ATTEMPT);
                code.set(null);
                codeExpiresAt.set(null);
                step.set(Step.CONNECTING);
            });
        }

        @Override
        public void onQueued(int position) {
            onUi(() -> {
                if (helpRequest != null) {
                    helpRequest.queued(position);
                }
            });
        }

        @Override
        public void onPeerJoined() {
            onUi(() -> step.set(Step.VERIFYING));
        }

        @Override
        public void onWrongCodeAttempt(int attemptsLeft) {
            onUi(() -> {
                wrongAttemptsLeft.set(Math.max(0, attemptsLeft));
                if (step.get() == Step.VERIFYING) {
                    step.set(Step.WAITING);
                }
            });
        }

        @Override
        public void onSecured(PeerInfo peer) {
            onUi(() -> {
                technician.set(peer);
                wrongAttemptsLeft.set(NO_WRONG_ATTEMPT);
                burnedAttempts.set(0);
                step.set(Step.SECURED);
                CustomerSessionHandle h = handle;
                if (h != null) {
                    chat.attach(h::sendChat);
                    screen.attach(h);
                    consent.attach(h);
                    transfers.attach(h);
                    diagnostics.attach(h);
                    control.attach(h);
                    handover.attach(h);
                }
            });
        }

        @Override
        public void onHandoverNotice(dev.lifeline.client.handover.CustomerHandoverNotice notice) {
            onUi(() -> handover.notice(notice));
        }

        @Override
        public void onWatchers(java.util.List<String> names) {
            onUi(() -> handover.watchers(names));
        }

        @Override
        public void onDiagnosticsProgress(dev.lifeline.client.diagnostics.DiagnosticsActivity activity) {
            onUi(() -> diagnostics.progress(activity));
        }

        @Override
        public void onDiagnosticsReview(dev.lifeline.client.diagnostics.DiagnosticsReview review) {
            onUi(() -> diagnostics.review(review));
        }

        @Override
        public void onConsentRequested(ConsentPrompt prompt) {
            onUi(() -> consent.requested(prompt));
        }

        @Override
        public void onConsentChanged(ConsentSnapshot snapshot) {
            onUi(() -> {
                consent.changed(snapshot);
                transfers.consent(snapshot);
            });
        }

        @Override
        public void onRefused(Refusal refusal) {
            onUi(() -> consent.refused(refusal));
        }

        @Override
        public void onControlStatus(dev.lifeline.client.control.ControlStatus status) {
            onUi(() -> control.statusChanged(status));
        }

        @Override
        public void onScreenRequested() {
            onUi(screen::requested);
        }

        @Override
        public void onScreenShare(ScreenShareState state) {
            onUi(() -> screen.stateChanged(state));
        }

        @Override
        public void onChat(ChatLine line) {
            // Our own lines are shown when sent; an echo from the session would double them.
            onUi(() -> {
                if (!line.mine()) {
                    chat.receive(line);
                }
            });
        }

        @Override
        public void onLinkState(LinkState state) {
            onUi(() -> linkState.set(state));
        }

        @Override
        public void onEnded(SessionEnd sessionEnd) {
            onUi(() -> ended(sessionEnd));
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    public Step step() {
        return step.get();
    }

    public StringProperty customerNameProperty() {
        return customerName;
    }

    public ReadOnlyObjectProperty<SessionCode> codeProperty() {
        return code;
    }

    /** The code as the customer reads it out, e.g. "418 · 290 573"; empty when none. */
    public StringBinding codeDisplay() {
        return codeDisplay;
    }

    /** What the Copy button puts on the clipboard. */
    public String codeForClipboard() {
        return codeDisplay.get();
    }

    public ReadOnlyObjectProperty<Instant> codeExpiresAtProperty() {
        return codeExpiresAt;
    }

    /** Attempts left after a wrong code was tried, or {@link #NO_WRONG_ATTEMPT}. */
    public ReadOnlyIntegerProperty wrongAttemptsLeftProperty() {
        return wrongAttemptsLeft;
    }

    /** How many failed attempts burned the last code; 0 when no code was burned. */
    public ReadOnlyIntegerProperty burnedAttemptsProperty() {
        return burnedAttempts;
    }

    public ReadOnlyObjectProperty<PeerInfo> technicianProperty() {
        return technician;
    }

    public ReadOnlyObjectProperty<LinkState> linkStateProperty() {
        return linkState;
    }

    public ReadOnlyObjectProperty<SessionEnd> endProperty() {
        return end;
    }

    /** True from CONNECTING to SECURED: End session makes sense. */
    public BooleanBinding sessionRunning() {
        return sessionRunning;
    }

    /** Null when the app does not know which organisation it pins. */
    public String pinnedOrganisation() {
        return pinnedOrganisation;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public TransfersViewModel transfers() {
        return transfers;
    }

    /** What the technician last did with the clipboard (a notice); null when none. */
    public ObjectProperty<ClipboardEvent> clipboardNoticeProperty() {
        return clipboardNotice;
    }

    /** The notice's ✕. */
    public void dismissClipboardNotice() {
        clipboardNotice.set(null);
    }

    /** The diagnostics preview: checks running now, results waiting for the customer's Send. */
    public DiagnosticsReviewViewModel diagnostics() {
        return diagnostics;
    }

    public ConsentViewModel consent() {
        return consent;
    }

    /** Remote control's banner and the panic key. */
    public RemoteControlBannerViewModel control() {
        return control;
    }

    public ScreenSharingViewModel screen() {
        return screen;
    }
}
