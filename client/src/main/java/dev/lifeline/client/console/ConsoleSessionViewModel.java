package dev.lifeline.client.console;

import dev.lifeline.client.chat.ChatViewModel;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.FxSystemClipboard;
import dev.lifeline.client.files.ClipboardActionsViewModel;
import dev.lifeline.client.files.TransfersViewModel;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.client.session.TechnicianSessions;
import dev.lifeline.client.session.QueueTicket;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.report.ReportStore;
import dev.lifeline.client.report.SessionRecord;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One joined session in the Console (one tab): JOINING, SECURED, ENDED, plus its chat and the customer's screen. */
public final class ConsoleSessionViewModel {

    public enum Step { JOINING, SECURED, ENDED }

    private final SessionCode code;
    /** Issue 6: the queue entry this session was picked from; null when joined by code. */
    private final WaitingCustomer picked;
    /** Issue 6: the offer this session was taken from (transfer, or watch: view only); null otherwise. */
    private final dev.lifeline.client.handover.HandoverOfferInfo offer;
    private final Executor uiExecutor;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.JOINING);
    private final ObjectProperty<PeerInfo> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<LinkState> linkState = new SimpleObjectProperty<>(this, "linkState", LinkState.CONNECTED);
    private final ObjectProperty<SessionEnd> end = new SimpleObjectProperty<>(this, "end");
    private final StringBinding customerName;
    private final ChatViewModel chat;
    private final RemoteScreenViewModel screen = new RemoteScreenViewModel();
    private final GrantsViewModel grants = new GrantsViewModel();
    /** Diagnostics panel, and what the session report is made of (issue 5). */
    private final DiagnosticsViewModel diagnostics = new DiagnosticsViewModel();
    private final SessionRecord record;
    private final Clock clock;
    private ReportStore reports;
    private Executor io = Runnable::run;
    private final ObjectProperty<SessionReport> report = new SimpleObjectProperty<>(this, "report");
    private final StringProperty reportLocation = new SimpleStringProperty(this, "reportLocation", "");
    private final StringProperty reportError = new SimpleStringProperty(this, "reportError", "");
    private final ObjectProperty<dev.lifeline.client.report.ReportSaved> reportSaved = new SimpleObjectProperty<>(this, "reportSaved");
    private final RemoteControlViewModel control;
    /** Issue 6: transfer and watch. */
    private final HandoverViewModel handover = new HandoverViewModel();
    /** Files both ways and the clipboard buttons (issue 4). */
    private final TransfersViewModel transfers = new TransfersViewModel();
    private final ClipboardActionsViewModel clipboard;
    private TechnicianSessionHandle handle;

    ConsoleSessionViewModel(SessionCode code, Executor uiExecutor, Clock clock) {
        this(Objects.requireNonNull(code), null, null, uiExecutor, clock);
    }

    /** Issue 6: a session picked from the queue (no code); {@code picked} is what the queue said of the customer. */
    ConsoleSessionViewModel(WaitingCustomer picked, Executor uiExecutor, Clock clock) {
        this(null, Objects.requireNonNull(picked), null, uiExecutor, clock);
    }

    /** Issue 6: a session another technician handed over, or one this technician was invited to watch. */
    ConsoleSessionViewModel(dev.lifeline.client.handover.HandoverOfferInfo offer, Executor uiExecutor, Clock clock) {
        this(null, null, Objects.requireNonNull(offer), uiExecutor, clock);
    }

    private ConsoleSessionViewModel(SessionCode code, WaitingCustomer picked, dev.lifeline.client.handover.HandoverOfferInfo offer,
                                    Executor uiExecutor, Clock clock) {
        this.code = code;
        this.picked = picked;
        this.offer = offer;
        this.uiExecutor = uiExecutor;
        this.chat = new ChatViewModel(clock);
        this.clipboard = new ClipboardActionsViewModel(new FxSystemClipboard(), uiExecutor);
        this.clock = clock;
        this.record = new SessionRecord(code != null ? code.nameplate() : picked != null ? "queue-" + picked.entryId()
                : "handover", Party.getDefaultInstance(), clock.millis());
        // The problem goes along with a later handover of this session, for the next technician's card.
        handover.problem(picked != null ? picked.problem() : offer != null ? offer.problem() : "");
        this.control = new RemoteControlViewModel(screen, grants, uiExecutor);
        customerName = Bindings.createStringBinding(() -> {
            PeerInfo p = customer.get();
            return p == null || p.name() == null ? "" : p.name().strip();
        }, customer);
    }

    void join(TechnicianSessions sessions) {
        try {
            handle = sessions.join(code, new Listener());
        } catch (RuntimeException e) {
            ended(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, String.valueOf(e.getMessage())));
        }
    }

    /** Issue 6: picks the queue entry (signed in by the ticket's token) instead of joining a code. */
    void pick(TechnicianSessions sessions, QueueTicket ticket) {
        try {
            handle = sessions.pick(ticket, new Listener());
        } catch (RuntimeException e) {
            ended(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, String.valueOf(e.getMessage())));
        }
    }

    /** Issue 6: takes the offered session (or watch) on a new connection signed in by the ticket's token. */
    void take(TechnicianSessions sessions, dev.lifeline.client.handover.HandoverTicket ticket) {
        try {
            handle = sessions.take(ticket, new Listener());
        } catch (RuntimeException e) {
            ended(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, String.valueOf(e.getMessage())));
        }
    }

    /** Who writes the report and where it is kept; {@code io} runs the saving off the FX thread. */
    void reporting(Party technician, ReportStore store, Executor ioExecutor) {
        record.technician(technician);
        this.reports = store;
        this.io = ioExecutor == null ? Runnable::run : ioExecutor;
    }

    /** The outcome form for ending this session, pre-filled from the findings. */
    public OutcomeViewModel prepareOutcome() {
        return new OutcomeViewModel(record);
    }

    /**
     * Ends the session with the technician's outcome: the report is made now, saved off the FX
     * thread (where it went, or why not, comes back as a property), and the session ends.
     */
    public void endWith(Outcome outcome) {
        if (step.get() == Step.ENDED && report.get() != null) {
            return;
        }
        SessionReport made = record.report(outcome, clock.millis());
        report.set(made);
        if (handle != null) {
            // Into the session (and so its recording) before the end.
            handle.sendOutcome(dev.lifeline.client.report.OutcomeNotice.of(made.getOutcome(), made.getEndedAtMs()));
        }
        ReportStore store = reports;
        if (store != null) {
            io.execute(() -> {
                String where;
                String error = "";
                Exception failure = null;
                try {
                    where = store.save(made);
                } catch (java.io.IOException | RuntimeException e) {
                    where = "";
                    error = String.valueOf(e.getMessage());
                    failure = e;
                }
                String w = where;
                String err = error;
                dev.lifeline.client.report.ReportSaved saved = dev.lifeline.client.report.ReportSaved.after(store, made, failure);
                uiExecutor.execute(() -> {
                    reportLocation.set(w);
                    reportError.set(err);
                    reportSaved.set(saved);
                });
            });
        }
        endSession();
    }

    public void endSession() {
        if (step.get() == Step.ENDED) {
            return;
        }
        if (handle != null) {
            handle.end();
        } else {
            ended(new SessionEnd(SessionEnd.Reason.ENDED_BY_ME, ""));
        }
    }

    private void ended(SessionEnd e) {
        handover.available(false);
        chat.detach();
        screen.sessionEnded();
        grants.detach();
        transfers.detach();
        clipboard.detach();
        control.detach();
        diagnostics.detach();
        end.set(e);
        step.set(Step.ENDED);
    }

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
            onUi(() -> clipboard.event(event));
        }

        @Override
        public void onClipboardText(String text) {
            onUi(() -> clipboard.received(text));
        }

        private void onUi(Runnable r) {
            uiExecutor.execute(() -> {
                if (step.get() != Step.ENDED) {
                    r.run();
                }
            });
        }

        @Override
        public void onSecured(PeerInfo peer) {
            onUi(() -> {
                customer.set(peer);
                step.set(Step.SECURED);
                if (handle != null) {
                    chat.attach(handle::sendChat);
                    screen.attach(handle);
                    grants.attach(handle);
                    transfers.attach(handle);
                    clipboard.attach(handle);
                    diagnostics.attach(handle, record);
                    record.secured(peer.name(), handle.sessionId(), clock.millis());
                    control.attach(handle);
                    handover.attach(handle);
                    // A watcher only looks: no handing on, and the picture is what it came for.
                    handover.available(!watchOnly());
                    if (watchOnly()) {
                        screen.requestScreen();
                    }
                }
            });
        }

        @Override
        public void onHandover(dev.lifeline.client.handover.HandoverEvent event) {
            onUi(() -> {
                // Before our own handshake a status is the relay's answer to taking this session, not a handover of ours.
                if (step.get() == Step.SECURED) {
                    handover.event(event);
                }
            });
        }

        @Override
        public void onWatchers(java.util.List<String> names) {
            onUi(() -> handover.watchers(names));
        }

        @Override
        public void onConsentChanged(ConsentSnapshot consent) {
            onUi(() -> {
                grants.changed(consent);
                transfers.consent(consent);
                clipboard.consent(consent);
                record.consentChanged(consent);
            });
        }

        @Override
        public void onDiagnosticsProgress(DiagnosticsActivity activity) {
            onUi(() -> diagnostics.progress(activity));
        }

        @Override
        public void onDiagnosticsResult(long requestId, ProbeResult result) {
            onUi(() -> diagnostics.result(requestId, result));
        }

        @Override
        public void onRefused(Refusal refusal) {
            onUi(() -> grants.refused(refusal));
        }

        @Override
        public void onControlStatus(ControlStatus status) {
            onUi(() -> control.statusChanged(status));
        }

        @Override
        public void onScreenShare(ScreenShareState state) {
            onUi(() -> screen.stateChanged(state));
        }

        @Override
        public void onScreenFrame(RemoteScreenFrame frame) {
            // Copied on the FX thread, where the picture is drawn; the decoder waits for drawn().
            uiExecutor.execute(() -> {
                if (step.get() == Step.ENDED) {
                    frame.drawn();
                } else {
                    screen.showFrame(frame);
                }
            });
        }

        @Override
        public void onScreenStats(ScreenStats stats) {
            onUi(() -> screen.statsMeasured(stats));
        }

        @Override
        public void onChat(ChatLine line) {
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

    /** Issue 6: the session tab's "Hand over" menu. */
    public HandoverViewModel handover() {
        return handover;
    }

    /** The code joined; null for a session picked from the queue. */
    public SessionCode code() {
        return code;
    }

    /** Issue 6: the queue entry (contract, block hours, SLA) this session was picked from; null for a code. */
    public WaitingCustomer picked() {
        return picked;
    }

    /** Issue 6: the offer this session was taken from; null when joined by code or picked. */
    public dev.lifeline.client.handover.HandoverOfferInfo offer() {
        return offer;
    }

    /** Issue 6: a watch tab — screen and chat only, the customer's app refuses everything else anyway. */
    public boolean watchOnly() {
        return offer != null && offer.kind() == dev.lifeline.client.handover.HandoverEvent.Kind.WATCH;
    }

    /** What names the tab before the customer's name is known: the code, the name from the queue or the offer. */
    public String title() {
        return code != null ? code.display() : picked != null ? picked.name() : offer.customerName();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    public Step step() {
        return step.get();
    }

    public ReadOnlyObjectProperty<PeerInfo> customerProperty() {
        return customer;
    }

    /** The name the customer gave, stripped; empty when none (the view then titles by code). */
    public StringBinding customerName() {
        return customerName;
    }

    public ReadOnlyObjectProperty<LinkState> linkStateProperty() {
        return linkState;
    }

    public ReadOnlyObjectProperty<SessionEnd> endProperty() {
        return end;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public TransfersViewModel transfers() {
        return transfers;
    }

    public ClipboardActionsViewModel clipboard() {
        return clipboard;
    }

    public DiagnosticsViewModel diagnostics() {
        return diagnostics;
    }

    /** The report made when the session was ended with an outcome (null before). */
    public ReadOnlyObjectProperty<SessionReport> reportProperty() {
        return report;
    }

    /** Where the report was saved (empty until saved). */
    public ReadOnlyStringProperty reportLocationProperty() {
        return reportLocation;
    }

    /** Where the report went, in words the Console shows after the session (null until saved). */
    public ReadOnlyObjectProperty<dev.lifeline.client.report.ReportSaved> reportSavedProperty() {
        return reportSaved;
    }

    /** Why the report could not be saved (empty if it was). */
    public ReadOnlyStringProperty reportErrorProperty() {
        return reportError;
    }

    public GrantsViewModel grants() {
        return grants;
    }

    public RemoteControlViewModel control() {
        return control;
    }

    public RemoteScreenViewModel screen() {
        return screen;
    }
}
