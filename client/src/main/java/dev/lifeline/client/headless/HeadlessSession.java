package dev.lifeline.client.headless;

import dev.lifeline.common.wire.report.Outcome;

import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionHandle;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.client.session.TechnicianSessions;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.session.TransferHandle;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A session without windows, for scripts and tests: one line per event on standard output, each
 * standard-input line sent as chat ({@code /end} ends the session). The exit code says how it
 * ended: 0 normally, 2 for a wrong or expired code, 3 for anything else.
 */
public final class HeadlessSession implements SessionListener {
    public static final String END_COMMAND = "/end";

    private final PrintStream out;
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    private final CompletableFuture<SessionHandle> handle = new CompletableFuture<>();
    private boolean allowScreen;
    private boolean allowControl;
    private boolean viewScreen;
    private Quality screenQuality = Quality.AUTO;
    private Path saveScreen;
    private final LastPicture lastPicture = new LastPicture();
    private String lastScreenLine = "";
    /** Files and clipboard (issue 4): what a script allows, sends and where files go. */
    private boolean allowClipboard;
    private boolean allowFiles;
    private Path downloadDir;
    private final List<Path> sendFiles = new ArrayList<>();
    private String sendClipboard;
    private boolean getClipboard;
    private boolean filesSent;
    private boolean clipboardUsed;
    private final Map<String, TransferState> printedTransfers = new ConcurrentHashMap<>();
    private boolean acceptRecording;
    private volatile boolean recordingDeclined;
    /** Diagnostics of this session (issue 5): what to ask for, or what the customer allows. */
    private HeadlessDiagnostics diagnostics;

    public HeadlessSession(PrintStream out) {
        this.out = out;
    }

    /** Customer: share the screen when the technician asks (otherwise every request is answered no). */
    public HeadlessSession allowScreen(boolean allow) {
        this.allowScreen = allow;
        return this;
    }

    /** Customer: agree when the organisation records the session (otherwise the session ends, exit 5). */
    public HeadlessSession acceptRecording(boolean accept) {
        this.acceptRecording = accept;
        return this;
    }

    /** Customer: let the technician use the mouse and keyboard when asked (otherwise answered no). */
    public HeadlessSession allowControl(boolean allow) {
        this.allowControl = allow;
        return this;
    }

    /** Technician: ask to see the screen once the session is secured. */
    public HeadlessSession viewScreen(boolean view) {
        this.viewScreen = view;
        return this;
    }

    /** Technician: the quality to view in (Sharp gives the exact pixels). */
    public HeadlessSession screenQuality(Quality quality) {
        this.screenQuality = quality;
        return this;
    }

    /** Technician: write the last picture seen to this PNG file when the session ends. */
    public HeadlessSession saveScreen(Path png) {
        this.saveScreen = png;
        return this;
    }

    /** Customer: grant the clipboard when asked (otherwise the request is answered no). */
    public HeadlessSession allowClipboard(boolean allow) {
        this.allowClipboard = allow;
        return this;
    }

    /** Customer: grant file transfer when asked (otherwise the request is answered no). */
    public HeadlessSession allowFiles(boolean allow) {
        this.allowFiles = allow;
        return this;
    }

    /** Both: accept offered files into this folder (otherwise offers are declined). */
    public HeadlessSession downloadDir(Path folder) {
        this.downloadDir = folder;
        return this;
    }

    /** Technician: ask for file transfer once secured and send these files when granted. */
    public HeadlessSession sendFiles(List<Path> files) {
        this.sendFiles.addAll(files);
        return this;
    }

    /** Technician: ask for the clipboard and put this text on the customer's clipboard. */
    public HeadlessSession sendClipboard(String text) {
        this.sendClipboard = text;
        return this;
    }

    /** Technician: ask for the clipboard and print the customer's clipboard text. */
    public HeadlessSession getClipboard(boolean get) {
        this.getClipboard = get;
        return this;
    }

    /** Diagnostics: the technician's probes and report, or the customer's consent and withheld probes. */
    public HeadlessSession diagnostics(HeadlessDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
        diagnostics.printTo(this::print);
        return this;
    }

    public int runCustomer(CustomerSessions sessions, String customerName, BufferedReader in) {
        CustomerSessionHandle started = sessions.start(customerName, this);
        handle.complete(started);
        return run(started, in);
    }

    /** Technician: a session already started (a queue pick) with this as its listener. */
    public int runStarted(java.util.function.Function<SessionListener, TechnicianSessionHandle> start, BufferedReader in) {
        TechnicianSessionHandle started = start.apply(this);
        handle.complete(started);
        return run(started, in);
    }

    public int runTechnician(TechnicianSessions sessions, SessionCode code, BufferedReader in) {
        if (diagnostics != null) {
            diagnostics.started(code.nameplate()); // the report's times start at the join
        }
        TechnicianSessionHandle started = sessions.join(code, this);
        handle.complete(started);
        return run(started, in);
    }

    private int run(SessionHandle handle, BufferedReader in) {
        Thread reader = new Thread(() -> forwardInput(handle, in), "lifeline-stdin");
        reader.setDaemon(true);
        reader.start();
        SessionEnd end;
        try {
            end = ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.end();
            return 3;
        } catch (ExecutionException e) {
            return 3;
        }
        return recordingDeclined ? 5 : exitCode(end);
    }

    @Override
    public void onRecordingNotice(dev.lifeline.client.recording.RecordingNoticeInfo notice) {
        print("recording: " + notice.organisation() + " records this session (kept " + notice.retentionDays() + " days"
                + (notice.keyVerified() ? "" : "; its recording key is not vouched for by a trusted organisation") + ")");
        if (!acceptRecording) {
            recordingDeclined = true;
            print("recording: declined (pass --accept-recording to agree); ending");
        } else {
            print("recording: accepted");
        }
        boolean accept = acceptRecording;
        handle.thenAccept(h -> ((CustomerSessionHandle) h).answerRecordingNotice(accept));
    }

    static int exitCode(SessionEnd end) {
        if (end.normal()) {
            return 0;
        }
        return switch (end.reason()) {
            case WRONG_CODE, CODE_EXPIRED -> 2;
            default -> 3;
        };
    }

    private void forwardInput(SessionHandle handle, BufferedReader in) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals(END_COMMAND)) {
                    handle.end();
                    return;
                }
                if (handoverCommand(handle, line.strip())) {
                    continue;
                }
                handle.sendChat(line);
            }
        } catch (IOException e) {
            // Input gone: keep the session; it ends from the other side or by signal.
        }
    }

    /** Issue 6: "/transfer NAME", "/watch NAME", "/unwatch NAME" (technician); "/remove NAME" (customer). */
    public static final String TRANSFER_COMMAND = "/transfer ";
    public static final String WATCH_COMMAND = "/watch ";
    public static final String UNWATCH_COMMAND = "/unwatch ";
    public static final String REMOVE_WATCHER_COMMAND = "/remove ";

    private static boolean handoverCommand(SessionHandle handle, String line) {
        if (handle instanceof TechnicianSessionHandle technician) {
            if (line.startsWith(TRANSFER_COMMAND)) {
                technician.handOver(line.substring(TRANSFER_COMMAND.length()).strip());
                return true;
            }
            if (line.startsWith(WATCH_COMMAND)) {
                technician.inviteToWatch(line.substring(WATCH_COMMAND.length()).strip());
                return true;
            }
            if (line.startsWith(UNWATCH_COMMAND)) {
                technician.endWatch(line.substring(UNWATCH_COMMAND.length()).strip());
                return true;
            }
        }
        if (handle instanceof CustomerSessionHandle customer && line.startsWith(REMOVE_WATCHER_COMMAND)) {
            customer.removeWatcher(line.substring(REMOVE_WATCHER_COMMAND.length()).strip());
            return true;
        }
        return false;
    }

    /** Technician: once secured, hand the session to this technician (--transfer-to) or invite them to watch (--invite-watch). */
    private String transferTo;
    private String inviteWatcher;

    public HeadlessSession transferTo(String technician) {
        this.transferTo = technician;
        return this;
    }

    public HeadlessSession inviteToWatch(String technician) {
        this.inviteWatcher = technician;
        return this;
    }

    /** Technician: the problem and note that go with --transfer-to / --invite-watch to the other technician's card. */
    private dev.lifeline.client.handover.HandoverNote handoverNote = dev.lifeline.client.handover.HandoverNote.NONE;

    public HeadlessSession handoverNote(dev.lifeline.client.handover.HandoverNote note) {
        this.handoverNote = note == null ? dev.lifeline.client.handover.HandoverNote.NONE : note;
        return this;
    }

    /** Customer: let technicians watch when the technician invites them (--allow-watch). */
    private boolean allowWatch;

    public HeadlessSession allowWatch(boolean allow) {
        this.allowWatch = allow;
        return this;
    }

    @Override
    public void onHandover(dev.lifeline.client.handover.HandoverEvent event) {
        print("handover: " + clean(event.describe()));
    }

    @Override
    public void onHandoverNotice(dev.lifeline.client.handover.CustomerHandoverNotice notice) {
        print("handover: " + clean(notice.message()));
        if (notice.kind() == dev.lifeline.client.handover.HandoverEvent.Kind.WATCH) {
            boolean allow = allowWatch;
            print("watch: request answered " + (allow ? "yes" : "no (start with --allow-watch to allow)"));
            handle.thenAccept(h -> ((CustomerSessionHandle) h).answerWatch(allow));
        }
    }

    @Override
    public void onWatchers(java.util.List<String> watchers) {
        print("watchers: " + (watchers.isEmpty() ? "none" : clean(String.join(", ", watchers))));
    }

    @Override
    public void onCodeReady(SessionCode code, long expiresAtEpochMs) {
        print("code: " + code.nameplate() + "-" + code.secret());
        print("expires: " + Instant.ofEpochMilli(expiresAtEpochMs));
    }

    @Override
    public void onQueued(int position) {
        print(position == 0 ? "queued" : "queue-position: " + position);
    }

    @Override
    public void onCodeBurned(int failedAttempts) {
        print("code-burned: " + failedAttempts + " wrong attempts");
    }

    @Override
    public void onPeerJoined() {
        print("joined");
    }

    @Override
    public void onWrongCodeAttempt(int attemptsLeft) {
        print("wrong-code: " + attemptsLeft + " attempts left");
    }

    @Override
    public void onScreenRequested() {
        handle.thenAccept(h -> {
            if (h instanceof CustomerSessionHandle customer) {
                if (!allowScreen) {
                    print("screen: request answered no (start with --allow-screen to share)");
                }
                customer.answerScreenRequest(allowScreen);
            }
        });
    }

    @Override
    public void onControlStatus(ControlStatus status) {
        String line = switch (status.state()) {
            case OFF -> "control: off";
            case READY -> "control: ready";
            case CUSTOMER_ACTIVE -> "control: customer-active " + (status.device() == null ? "" : status.device().name().toLowerCase(Locale.ROOT));
            case UNAVAILABLE -> "control: unavailable: " + clean(status.detail());
        };
        print(line.strip());
    }

    @Override
    public void onScreenShare(ScreenShareState state) {
        String line = switch (state.status()) {
            case OFF -> null;
            case SHARING -> {
                MonitorInfo active = state.monitors().isEmpty() ? null : state.monitors().get(state.activeMonitor());
                yield "screen: sharing" + (active == null ? "" : " " + active.width() + "x" + active.height());
            }
            case UNAVAILABLE -> "screen: unavailable: " + clean(state.detail());
            default -> "screen: " + state.status().name().toLowerCase();
        };
        synchronized (this) {
            if (line == null || line.equals(lastScreenLine)) {
                return;
            }
            lastScreenLine = line;
        }
        print(line);
    }

    @Override
    public void onScreenFrame(RemoteScreenFrame frame) {
        if (saveScreen != null) {
            lastPicture.copy(frame);
        }
        frame.drawn();
    }

    @Override
    public void onScreenStats(ScreenStats stats) {
        print(String.format(Locale.ROOT, "screen-stats: fps=%.1f latency=%dms kbps=%d",
                stats.framesPerSecond(), stats.latencyMs(), stats.bytesPerSecond() * 8 / 1000));
    }

    /** Customer: clipboard and files are granted or denied by the --allow-clipboard / --allow-files flags. */
    private void filesAndClipboardAsked(ConsentPrompt prompt) {
        handle.thenAccept(h -> {
            if (h instanceof CustomerSessionHandle customer) {
                for (Capability capability : prompt.capabilities()) {
                    if (capability != Capability.CLIPBOARD && capability != Capability.TRANSFER_FILES) {
                        continue; // others have their own flags
                    }
                    boolean yes = capability == Capability.CLIPBOARD ? allowClipboard : allowFiles;
                    print("consent: " + capability.name().toLowerCase(Locale.ROOT) + " asked: " + (yes ? "granted" : "denied"));
                    if (yes) {
                        customer.grant(capability);
                    } else {
                        customer.deny(capability);
                    }
                }
            }
        });
    }

    @Override
    public void onConsentRequested(dev.lifeline.client.consent.ConsentPrompt prompt) {
        filesAndClipboardAsked(prompt);
        print("consent-asked: " + String.join(",", prompt.capabilities().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList()));
        if (prompt.capabilities().contains(Capability.CONTROL_INPUT)) {
            handle.thenAccept(h -> {
                if (h instanceof CustomerSessionHandle customer) {
                    print("control: request answered " + (allowControl ? "yes" : "no (start with --allow-control to allow)"));
                    if (allowControl) {
                        customer.grant(Capability.CONTROL_INPUT);
                    } else {
                        customer.deny(Capability.CONTROL_INPUT);
                    }
                }
            });
        }
        if (diagnostics != null && diagnostics.grantsDiagnostics(prompt.capabilities())) {
            handle.thenAccept(h -> {
                if (h instanceof CustomerSessionHandle customer) {
                    customer.grant(dev.lifeline.common.consent.Capability.RUN_DIAGNOSTICS);
                }
            });
        } else if (prompt.capabilities().contains(dev.lifeline.common.consent.Capability.RUN_DIAGNOSTICS)) {
            handle.thenAccept(h -> {
                if (h instanceof CustomerSessionHandle customer) {
                    print("diagnostics: request answered no (start with --allow-diagnostics to allow)");
                    customer.deny(dev.lifeline.common.consent.Capability.RUN_DIAGNOSTICS);
                }
            });
        }
    }

    @Override
    public void onConsentChanged(dev.lifeline.common.consent.ConsentSnapshot consent) {
        filesAndClipboardGranted(consent);
        if (diagnostics != null) {
            synchronized (diagnostics) {
                diagnostics.consentChanged(consent);
            }
        }
    }

    @Override
    public void onRefused(dev.lifeline.client.consent.Refusal refusal) {
        print("refused: " + refusal.capability().name().toLowerCase(Locale.ROOT) + " " + refusal.messageKind());
    }

    @Override
    public void onDiagnosticsProgress(dev.lifeline.client.diagnostics.DiagnosticsActivity activity) {
        if (diagnostics == null) {
            return;
        }
        boolean over;
        synchronized (diagnostics) {
            over = diagnostics.progress(activity) && diagnostics.finish();
        }
        if (over) {
            Outcome decided = diagnostics.decided();
            handle.thenAccept(h -> {
                if (decided != null && h instanceof dev.lifeline.client.session.TechnicianSessionHandle technician) {
                    technician.sendOutcome(dev.lifeline.client.report.OutcomeNotice.of(decided, System.currentTimeMillis()));
                }
                h.end();
            });
        }
    }

    @Override
    public void onDiagnosticsReview(dev.lifeline.client.diagnostics.DiagnosticsReview review) {
        if (diagnostics == null) {
            return;
        }
        java.util.Set<dev.lifeline.common.wire.diagnostics.Probe> withheld;
        synchronized (diagnostics) {
            withheld = diagnostics.review(review);
        }
        handle.thenAccept(h -> {
            if (h instanceof CustomerSessionHandle customer) {
                customer.sendDiagnostics(review.requestId(), withheld);
            }
        });
    }

    /** Technician: once the customer grants them, send the files and use the clipboard (once each). */
    private void filesAndClipboardGranted(ConsentSnapshot consent) {
        handle.thenAccept(h -> {
            if (!(h instanceof TechnicianSessionHandle technician)) {
                return;
            }
            boolean sendNow;
            boolean clipboardNow;
            synchronized (this) {
                sendNow = !filesSent && !sendFiles.isEmpty() && consent.isGranted(Capability.TRANSFER_FILES);
                filesSent |= sendNow;
                clipboardNow = !clipboardUsed && (sendClipboard != null || getClipboard) && consent.isGranted(Capability.CLIPBOARD);
                clipboardUsed |= clipboardNow;
            }
            if (sendNow) {
                sendFiles.forEach(technician::offerFile);
            }
            if (clipboardNow) {
                if (sendClipboard != null) {
                    technician.sendClipboard(sendClipboard);
                }
                if (getClipboard) {
                    technician.requestClipboard();
                }
            }
        });
    }

    @Override
    public void onFileOffered(FileOffered offer) {
        print("file-offered: " + clean(offer.name()) + " (" + offer.size() + " bytes)");
        handle.thenAccept(h -> {
            if (h instanceof TransferHandle transfers) {
                if (downloadDir != null) {
                    transfers.acceptFile(offer.id(), downloadDir);
                } else {
                    print("file-declined: " + clean(offer.name()) + " (start with --download-dir to accept)");
                    transfers.declineFile(offer.id());
                }
            }
        });
    }

    @Override
    public void onTransfer(TransferStatus status) {
        String key = status.direction() + ":" + status.id();
        if (printedTransfers.put(key, status.state()) == status.state()) {
            return; // progress only: one line per state is enough for a script
        }
        StringBuilder line = new StringBuilder("transfer: ").append(status.id()).append(' ')
                .append(status.direction() == TransferStatus.Direction.INCOMING ? "in" : "out").append(' ')
                .append(status.state().name().toLowerCase(Locale.ROOT)).append(' ').append(clean(status.name()))
                .append(' ').append(status.bytesDone()).append('/').append(status.size());
        if (status.error() != null) {
            line.append(" error=").append(status.error().name().toLowerCase(Locale.ROOT));
            if (!status.detail().isBlank()) {
                line.append(": ").append(clean(status.detail()));
            }
        }
        if (!status.savedAs().isBlank()) {
            line.append(" saved-as=").append(clean(status.savedAs()));
        }
        print(line.toString());
    }

    @Override
    public void onClipboard(ClipboardEvent event) {
        print("clipboard: " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + event.bytes() + " bytes");
    }

    @Override
    public void onClipboardText(String text) {
        print("clipboard-text: " + clean(text));
    }

    @Override
    public void onDiagnosticsResult(long requestId, dev.lifeline.common.wire.diagnostics.ProbeResult result) {
        if (diagnostics != null) {
            synchronized (diagnostics) {
                diagnostics.result(requestId, result);
            }
        }
    }

    @Override
    public void onSecured(PeerInfo peer) {
        Set<Capability> wanted = EnumSet.noneOf(Capability.class);
        if (!sendFiles.isEmpty()) {
            wanted.add(Capability.TRANSFER_FILES);
        }
        if (sendClipboard != null || getClipboard) {
            wanted.add(Capability.CLIPBOARD);
        }
        if (!wanted.isEmpty()) {
            handle.thenAccept(h -> {
                if (h instanceof TechnicianSessionHandle technician) {
                    technician.requestCapabilities(wanted, "requested by a script");
                }
            });
        }
        if (diagnostics != null && diagnostics.wanted()) {
            handle.thenAccept(h -> {
                if (h instanceof TechnicianSessionHandle technician) {
                    synchronized (diagnostics) {
                        var probes = diagnostics.secured(peer.name(), technician.sessionId());
                        diagnostics.requested(technician.requestDiagnostics(probes));
                    }
                }
            });
        }
        if (transferTo != null || inviteWatcher != null) {
            String transfer = transferTo;
            String watch = inviteWatcher;
            transferTo = null;
            inviteWatcher = null;
            handle.thenAccept(h -> {
                if (h instanceof TechnicianSessionHandle technician) {
                    if (watch != null) {
                        technician.inviteToWatch(watch, handoverNote);
                    }
                    if (transfer != null) {
                        technician.handOver(transfer, handoverNote);
                    }
                }
            });
        }
        if (viewScreen) {
            handle.thenAccept(h -> {
                if (h instanceof TechnicianSessionHandle technician) {
                    technician.setScreenQuality(screenQuality);
                    technician.requestScreen();
                }
            });
        }
        switch (peer.trust()) {
            case VERIFIED -> print("verified: " + clean(peer.name()) + " (" + clean(peer.organisation()) + ")");
            case CUSTOMER -> print("verified: " + (peer.name().isBlank() ? "customer" : clean(peer.name())) + " (customer)");
            case UNTRUSTED -> print("unverified: " + clean(peer.name()) + " (" + clean(peer.organisation()) + "): " + clean(peer.trustDetail()));
            case NO_PINNED_ROOT -> print("unverified: " + clean(peer.name()) + " (" + clean(peer.organisation()) + "): no organisation pinned");
        }
    }

    @Override
    public void onChat(ChatLine line) {
        if (!line.mine()) {
            print("chat: " + clean(line.text()));
        }
    }

    @Override
    public void onLinkState(LinkState state) {
        print("link: " + state.name().toLowerCase().replace('_', '-'));
    }

    @Override
    public void onEnded(SessionEnd end) {
        if (saveScreen != null) {
            try {
                if (lastPicture.writePng(saveScreen)) {
                    print("screen-saved: " + saveScreen);
                } else {
                    print("screen-saved: nothing (no picture arrived)");
                }
            } catch (IOException e) {
                print("screen-saved: failed: " + clean(e.getMessage()));
            }
        }
        print("ended: " + end.reason().name().toLowerCase().replace('_', '-')
                + (end.detail() == null || end.detail().isBlank() ? "" : ": " + clean(end.detail())));
        ended.complete(end);
    }

    /** One event per line, and no terminal control sequences from the other side. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r') {
                b.append("\\n");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202E) {
                b.append('\uFFFD');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
