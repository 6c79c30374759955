package dev.lifeline.client.launch;

import dev.lifeline.client.ClientVersion;
import dev.lifeline.client.headless.FirstInQueue;
import dev.lifeline.client.headless.HeadlessDiagnostics;
import dev.lifeline.client.headless.HeadlessSession;
import dev.lifeline.client.session.IdentityLoadException;
import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.session.QueueTicket;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.InvalidSessionCodeException;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = ClientVersion.class,
        description = "The technician's Console: join a customer's session by code and chat.")
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    RelayOptions relay;

    @Option(names = "--identity", paramLabel = "FILE",
            description = "Technician identity file from `lifeline relay tech issue`.")
    Path identity;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the identity's passphrase (omit for an unencrypted identity).")
    Path passphraseFile;

    @Option(names = "--join", paramLabel = "CODE", description = "Join this code at once (required with --headless).")
    String join;

    @Option(names = "--headless", description = "No window: print events, send each input line as chat.")
    boolean headless;

    @Option(names = "--view-screen", description = "With --headless: ask to see the customer's screen and print"
            + " its state and statistics.")
    boolean viewScreen;

    @Option(names = "--save-screen", paramLabel = "FILE.png", description = "With --view-screen: write the last"
            + " picture to this PNG file when the session ends.")
    Path saveScreen;

    @Option(names = "--quality", description = "With --view-screen: auto, sharp (lossless) or fast"
            + " (default: ${DEFAULT-VALUE}).")
    Quality quality = Quality.AUTO;

    @Option(names = "--send-file", paramLabel = "FILE", description = "With --headless: ask for file transfer and"
            + " send this file when the customer allows it (repeatable).")
    List<Path> sendFiles = new ArrayList<>();

    @Option(names = "--download-dir", paramLabel = "DIR", description = "With --headless: accept files the customer"
            + " sends into this folder (otherwise they are declined).")
    Path downloadDir;

    @Option(names = "--send-clipboard", paramLabel = "TEXT", description = "With --headless: ask for the clipboard and"
            + " put this text on the customer's clipboard.")
    String sendClipboard;

    @Option(names = "--get-clipboard", description = "With --headless: ask for the clipboard and print the"
            + " customer's clipboard text.")
    boolean getClipboard;
    @Option(names = "--diagnose", paramLabel = "PROBES", description = "With --headless: once secured, ask for these"
            + " probes (full, or a list such as system,storage,network), print each result, the findings and the"
            + " recommendation, then end the session with the outcome.")
    String diagnose;

    @Option(names = "--report", paramLabel = "FILE", description = "With --diagnose: write the session report here, in the format"
            + " its extension names: .pdf, .html, .md, else JSON.")
    Path report;

    @Option(names = "--reports-dir", paramLabel = "DIR", description = "Also keep the report (JSON, Markdown, HTML) in this"
            + " folder (default with --diagnose: none; the Console window keeps them in its data folder).")
    Path reportsDir;

    @Option(names = "--outcome", description = "With --diagnose: auto (follow the recommendation), remote, onsite,"
            + " escalate or not-resolved (default: ${DEFAULT-VALUE}).", converter = OutcomeConverter.class)
    HeadlessDiagnostics.OutcomeChoice outcome = HeadlessDiagnostics.OutcomeChoice.AUTO;

    @Option(names = "--notes", description = "With --diagnose: notes for the report.")
    String notes = "";

    @Option(names = "--address", description = "With --diagnose: the customer's address for an on-site dispatch.")
    String address = "";

    @Option(names = "--window", description = "With --diagnose: the customer's preferred time window for a visit.")
    String window = "";

    static final class OutcomeConverter implements picocli.CommandLine.ITypeConverter<HeadlessDiagnostics.OutcomeChoice> {
        @Override
        public HeadlessDiagnostics.OutcomeChoice convert(String value) {
            return HeadlessDiagnostics.OutcomeChoice.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Option(names = "--lang", description = "Language: en, de, es, nl, ro (default: the system's).")
    String language;

    @Option(names = "--play", paramLabel = "SESSION_ID|FILE", description = "With --headless: verify a session"
            + " recording and print its timeline. A 32-hex-digit session id is fetched from --relay; anything else"
            + " is read as a recording file.")
    String play;

    @Option(names = "--recording-key", paramLabel = "FILE", description = "With --play: the lead's recording key"
            + " file (from `lifeline relay org recording-key`).")
    Path recordingKey;

    @Option(names = "--recording-key-passphrase-file", paramLabel = "FILE", description = "With --play: first line is"
            + " the key file's passphrase (else asked on the terminal).")
    Path recordingKeyPassphraseFile;

    @Option(names = "--relay-signing-key", paramLabel = "HEX", description = "With --play: insist that the"
            + " recording is signed by this relay key (printed by `lifeline relay run`); default: the key the"
            + " --recording-key file pins (`relay org recording-key` writes it), else the recording's own.")
    String relaySigningKey;

    @Option(names = "--user", paramLabel = "NAME", description = "Sign in to the relay as this account (queue flow).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "With --user: first line is the password.")
    Path passwordFile;

    @Option(names = "--totp", paramLabel = "CODE", description = "With --user: the code of the account's second factor.")
    String totp;

    @Option(names = "--pick-first", description = "With --headless --user: pick the oldest waiting customer.")
    boolean pickFirst;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "With --pick-first: how long to wait for a customer (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--transfer-to", paramLabel = "NAME", description = "With --headless --user: once the session is"
            + " secured, hand it over to this signed-in technician.")
    String transferTo;

    @Option(names = "--invite-watch", paramLabel = "NAME", description = "With --headless --user: once the session is"
            + " secured, invite this signed-in technician to watch (view only, the customer is asked).")
    String inviteWatch;

    @Option(names = "--handover-note", paramLabel = "TEXT", description = "With --transfer-to or --invite-watch: a note"
            + " for the other technician's offer card (at most 500 characters; passes the relay, not end to end).")
    String handoverNote;

    @Option(names = "--take-handover", description = "With --headless --user: wait for a transfer or watch"
            + " invitation from another technician and accept the first one.")
    boolean takeHandover;

    @Override
    public Integer call() throws Exception {
        if (!headless && play != null) {
            if (recordingKey == null) {
                System.err.println("error: --play needs --recording-key FILE");
                return 64;
            }
            char[] passphrase = recordingKeyPassphraseFile == null ? null
                    : Files.readAllLines(recordingKeyPassphraseFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
            PlayerLauncher.launch(new PlayerLauncher.Request(Path.of(play), recordingKey, passphrase, Languages.locale(language)));
            return 0;
        }
        if (!headless) {
            RelayClient client = new RelayClient(relay.endpoint());
            if (user != null && !signInForWindow(client)) {
                client.close();
                return 5;
            }
            DesktopLauncher.Windows windows = new DesktopLauncher.Windows(null, null, client.identities(), identity,
                    Languages.locale(language), client::close);
            // Issue 6: without --user the window asks the relay whether it has accounts and shows its sign-in screen.
            DesktopLauncher.launch(user != null ? windows : windows.withTeam(new dev.lifeline.client.app.ConsoleApp.TeamStart(
                    new dev.lifeline.client.team.RelayTeam(client), null, null)));
            return 0;
        }
        if (play != null) {
            // Headless: verify and print the timeline.
            return PlayCommand.run(play, recordingKey, recordingKeyPassphraseFile, relaySigningKey, relay);
        }
        if (user != null && pickFirst) {
            return pickFirstInQueue();
        }
        if (user != null && takeHandover) {
            return takeFirstHandover();
        }
        if (identity == null || join == null) {
            System.err.println("error: --headless needs --identity FILE and --join CODE (or --user … --pick-first)");
            return 64;
        }
        SessionCode code;
        try {
            code = SessionCode.parse(join);
        } catch (InvalidSessionCodeException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try (RelayClient client = new RelayClient(relay.endpoint())) {
            LoadedTechnician technician;
            try {
                technician = client.identities().load(identity, passphrase());
            } catch (IdentityLoadException e) {
                System.err.println("error: identity " + identity + ": " + e.getMessage());
                return 4;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            HeadlessSession session = new HeadlessSession(System.out).viewScreen(viewScreen || saveScreen != null)
                    .saveScreen(saveScreen).screenQuality(quality)
                    .sendFiles(sendFiles).downloadDir(downloadDir).sendClipboard(sendClipboard).getClipboard(getClipboard);
            if (diagnose != null) {
                Set<Probe> probes;
                try {
                    probes = ProbeCatalogue.parse(diagnose);
                } catch (IllegalArgumentException e) {
                    System.err.println("error: --diagnose: " + e.getMessage());
                    return 64;
                }
                session.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).probes(probes)
                        .report(report, reportsDir == null ? null
                                : new dev.lifeline.client.report.FileReportStore(reportsDir, java.time.ZoneId.systemDefault()))
                        .outcome(outcome, notes, address, window)
                        .technician(technician.name(), technician.organisation()));
            }
            return session.runTechnician(technician.sessions(), code, in);
        }
    }

    /**
     * Issue 7: {@code console --user NAME --password-file F} (window): signs in first; the window
     * then joins signed in with the certificate the relay issued, files reports on the relay, and
     * shows leads the Review tab.
     */
    private boolean signInForWindow(RelayClient client) throws Exception {
        if (passwordFile == null) {
            System.err.println("error: --user needs --password-file");
            return false;
        }
        char[] password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
        dev.lifeline.client.team.SignedInTechnician who;
        try {
            who = dev.lifeline.client.team.TeamSignIn.signIn(client.group().next(), client.endpoint(), user, password, totp,
                    java.time.Duration.ofSeconds(30));
        } catch (dev.lifeline.client.team.TeamSignIn.SignInException e) {
            System.err.println("error: sign-in failed: " + e.getMessage());
            return false;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-review-io");
            t.setDaemon(true);
            return t;
        });
        DesktopLauncher.whenConsoleShown((console, stage) -> {
            dev.lifeline.client.app.SignedInConsole.apply(console, who, client.endpoint(), client.group(), io,
                    Languages.locale(language), () -> stage);
            if (who.identity() != null) {
                TechnicianIdentity id = who.identity();
                console.useTechnician(new LoadedTechnician(id.name(), id.organisation(), id.notAfter(),
                        client.technicianSessions(id, who::sessionToken)));
            }
        });
        return true;
    }

    private int pickFirstInQueue() throws Exception {
        if (passwordFile == null) {
            System.err.println("error: --user needs --password-file in headless mode");
            return 64;
        }
        char[] password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
        try (RelayClient client = new RelayClient(relay.endpoint())) {
            FirstInQueue.Found found;
            try {
                found = FirstInQueue.await(client, user, password, totp, waitSeconds * 1000L, System.out);
            } catch (FirstInQueue.NotFound e) {
                System.err.println("error: " + e.getMessage());
                return e.exitCode();
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            TechnicianIdentity technician = found.technician().identity();
            if (technician == null) {
                if (identity == null) {
                    System.err.println("error: the relay issues no certificates (offline CA); give --identity FILE");
                    found.connection().close();
                    return 4;
                }
                technician = TechnicianIdentity.load(identity, passphrase());
            }
            var customer = found.customer();
            System.out.println("picked: " + customer.name() + " - " + customer.problem()
                    + (customer.organisation().isEmpty() ? "" : " (" + customer.organisation()
                    + (customer.contractKind().isEmpty() ? "" : ", " + customer.contractKind()) + ")")
                    + (customer.blockBalance().isEmpty() ? "" : ", " + customer.blockBalance()));
            System.out.flush();
            TechnicianIdentity picker = technician;
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                return new HeadlessSession(System.out).viewScreen(viewScreen || saveScreen != null).saveScreen(saveScreen)
                        .transferTo(transferTo).inviteToWatch(inviteWatch)
                        .handoverNote(new dev.lifeline.client.handover.HandoverNote(customer.problem(), handoverNote))
                        .screenQuality(quality).runStarted(listener -> client.pick(picker,
                                new QueueTicket(found.technician().sessionToken(), customer.entryId(), customer.name()),
                                listener), in);
            } finally {
                found.connection().close();
            }
        }
    }

    /** Issue 6: sign in, wait for another technician's offer, take it on a new connection and run the session. */
    private int takeFirstHandover() throws Exception {
        if (passwordFile == null) {
            System.err.println("error: --user needs --password-file in headless mode");
            return 64;
        }
        char[] password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
        try (RelayClient client = new RelayClient(relay.endpoint())) {
            dev.lifeline.client.headless.FirstOffer.Found found;
            try {
                found = dev.lifeline.client.headless.FirstOffer.await(client, user, password, totp, waitSeconds * 1000L, System.out);
            } catch (FirstInQueue.NotFound e) {
                System.err.println("error: " + e.getMessage());
                return e.exitCode();
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            TechnicianIdentity technician = found.technician().identity();
            if (technician == null) {
                if (identity == null) {
                    System.err.println("error: the relay issues no certificates (offline CA); give --identity FILE");
                    found.connection().close();
                    return 4;
                }
                technician = TechnicianIdentity.load(identity, passphrase());
            }
            TechnicianIdentity taker = technician;
            var offer = found.offer();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                return new HeadlessSession(System.out).viewScreen(viewScreen || saveScreen != null).saveScreen(saveScreen)
                        .screenQuality(quality).runStarted(listener -> client.takeOver(taker,
                                new dev.lifeline.client.handover.HandoverTicket(found.technician().sessionToken(),
                                        offer.offerId(), offer.kind()), listener), in);
            } finally {
                found.connection().close();
            }
        }
    }

    private char[] passphrase() throws java.io.IOException {
        if (passphraseFile == null) {
            return new char[0];
        }
        String first = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return first.toCharArray();
    }
}
