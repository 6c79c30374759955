package dev.lifeline.client.launch;

import dev.lifeline.client.ClientVersion;
import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.branding.InstalledBundle;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.FxSystemClipboard;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.firststart.SavedRelay;
import dev.lifeline.client.headless.HeadlessDiagnostics;
import dev.lifeline.client.headless.HeadlessSession;
import dev.lifeline.client.laser.LaserOverlayWindow;
import dev.lifeline.client.nativeinput.Hotkey;
import dev.lifeline.client.nativeinput.NativeHook;
import dev.lifeline.client.nativeinput.NativeLocalInputWatch;
import dev.lifeline.client.probes.DiagnosticsSettings;
import dev.lifeline.client.probes.HostPort;
import dev.lifeline.client.session.QueueRequest;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.common.bundle.InvalidBundleException;
import dev.lifeline.common.bundle.OrganisationBundle;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gethelp", mixinStandardHelpOptions = true, versionProvider = ClientVersion.class,
        description = "Ask for help: shows a code to read to your technician, then chat.",
        footer = {"", "Which relay: --relay if given, else the organisation bundle this Get Help was built with,"
                + " else the relay saved on first start (asked in the window)."})
public final class GetHelpCommand implements Callable<Integer> {
    @Mixin
    RelayOptions relay;

    @Option(names = "--org-root", paramLabel = "FILE",
            description = "Certificate of the support organisation (PEM). Technicians are shown as verified"
                    + " only when their certificate chains to it. Default: the organisation bundle's.")
    Path orgRoot;

    @Option(names = "--name", description = "Your name, shown to the technician.")
    String name = "";

    @Option(names = "--headless", description = "No window: print events, send each input line as chat.")
    boolean headless;

    @Option(names = "--allow-screen", description = "With --headless: share the screen when the technician asks"
            + " (otherwise the request is printed and answered no).")
    boolean allowScreen;

    @Option(names = "--allow-clipboard", description = "With --headless: let the technician use the clipboard when"
            + " asked (otherwise the request is answered no).")
    boolean allowClipboard;

    @Option(names = "--allow-files", description = "With --headless: allow file transfer when asked (otherwise the"
            + " request is answered no).")
    boolean allowFiles;

    @Option(names = "--download-dir", paramLabel = "DIR", description = "With --headless: accept files the technician"
            + " sends into this folder (otherwise they are declined).")
    Path downloadDir;

    @Option(names = "--accept-recording", description = "With --headless: agree when the support organisation"
            + " records the session (otherwise such a session is declined and ends; exit code 5).")
    boolean acceptRecording;

    @Option(names = "--allow-watch", description = "With --headless: let a second technician watch (screen and chat,"
            + " view only) when the technician invites one.")
    boolean allowWatch;

    @Option(names = "--allow-control", description = "With --headless: let the technician use the mouse and keyboard"
            + " when asked (otherwise the request is printed and answered no).")
    boolean allowControl;

    @Option(names = "--panic-key", paramLabel = "KEYS", description = "Global hotkey that takes control back and pauses"
            + " the screen at once (default: ${DEFAULT-VALUE}).")
    String panicKey = "Ctrl+Alt+Shift+End";

    @Option(names = "--replay", paramLabel = "DIR", description = "Share PNG frames from this folder (in name order,"
            + " looping) instead of the real screen: for demos and machines without a display.")
    Path replay;

    @Option(names = "--replay-fps", paramLabel = "FPS", description = "Frames per second of --replay (default: ${DEFAULT-VALUE}).")
    double replayFps = 10;

    @Option(names = "--allow-diagnostics", description = "With --headless: allow diagnostics when the technician asks"
            + " (otherwise the request is printed and answered no); results are printed, then sent.")
    boolean allowDiagnostics;

    @Option(names = "--withhold", paramLabel = "PROBES", description = "With --allow-diagnostics: never send these probes'"
            + " results (e.g. processes,recent-errors); the technician sees them as withheld.")
    String withhold = "";

    @Option(names = "--diagnostics-config", paramLabel = "FILE", description = "Properties file naming what the network"
            + " probe may check (dns.names, tcp.endpoints, https.endpoints, gateway.check, review); see docs/diagnostics.md."
            + " Without it: the relay only.")
    Path diagnosticsConfig;

    @Option(names = "--lang", description = "Language: en, de, es, nl, ro (default: the organisation bundle's, else the system's).")
    String language;

    @Option(names = "--queue", description = "Also wait in the relay's queue (a signed-in technician picks you; the code still works).")
    boolean queue;

    @Option(names = "--problem", paramLabel = "TEXT", description = "With --queue: the problem in a sentence.")
    String problem;

    @Option(names = "--contact", paramLabel = "TEXT", description = "With --queue: phone or e-mail (optional).")
    String contact;

    @Option(names = "--organisation", paramLabel = "NAME",
            description = "With --queue: your organisation (default: the one named by --org-root).")
    String organisation;

    private ScreenSources screens() {
        return replay == null ? ScreenSources.robot() : ScreenSources.replayPreloaded(replay, replayFps);
    }

    /** AWT Robot, pausing for the customer's own mouse and keyboard (seen through the global hook). */
    private static ControlDevices controlDevices() {
        return ControlDevices.robot().withLocalInput(new NativeLocalInputWatch(NativeHook.shared()))
                .withOverlays(LaserOverlayWindow.opener());
    }

    private DiagnosticsSettings diagnostics(RelayClient client) throws java.io.IOException {
        DiagnosticsSettings settings = diagnosticsConfig == null ? client.defaultDiagnostics()
                : DiagnosticsSettings.load(diagnosticsConfig, new HostPort(client.endpoint().host(), client.endpoint().port()));
        // Without a person to look, the preview is printed and sent at once.
        return headless ? settings.withReview(true) : settings;
    }

    @Override
    public Integer call() throws Exception {
        OrganisationBundle bundle;
        try {
            bundle = InstalledBundle.load().orElse(null);
        } catch (InvalidBundleException e) {
            System.err.println("error: this Get Help's organisation bundle is unusable, reinstall it: " + e.getMessage());
            return 3;
        }
        OrganisationRoot root = orgRoot != null ? OrganisationRoot.load(orgRoot) : bundle != null ? bundle.organisationRoot() : null;
        Locale locale = Languages.locale(language != null ? language : bundle != null ? bundle.defaultLanguage() : null);
        if (queue && root == null) {
            // Queue flow has no code: only the pinned organisation root can tell who picked us.
            System.err.println("error: --queue needs --org-root, so Get Help can verify the technician who picks you");
            return 64;
        }
        RelayEndpoint endpoint = relayEndpoint(bundle);
        if (endpoint == null && headless) {
            System.err.println("error: no relay configured: give --relay HOST[:PORT] (and --fingerprint SHA256),"
                    + " or start Get Help with its window once to enter it");
            return 64;
        }
        if (headless) {
            // Only the headless run answers diagnostics itself; the window asks the person (and keeps
            // the protobuf enums out of its start-up).
            Set<Probe> withheld;
            try {
                withheld = ProbeCatalogue.parse(withhold);
            } catch (IllegalArgumentException e) {
                System.err.println("error: --withhold: " + e.getMessage());
                return 64;
            }
            try (RelayClient client = new RelayClient(endpoint)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                var sessions = queue
                        ? client.queuedCustomerSessions(root, screens(), controlDevices(), diagnostics(client),
                                new QueueRequest(problem, contact, organisation != null ? organisation : root.organisation()))
                        : client.customerSessions(root, screens(), controlDevices(), diagnostics(client));
                return new HeadlessSession(System.out).allowScreen(allowScreen).allowControl(allowControl).allowWatch(allowWatch)
                        .allowClipboard(allowClipboard).allowFiles(allowFiles).downloadDir(downloadDir)
                        .acceptRecording(acceptRecording)
                        .diagnostics(new HeadlessDiagnostics(Clock.systemUTC())
                                .customer(allowDiagnostics, withheld))
                        .runCustomer(sessions, name, in);
            }
        }
        if (bundle != null) {
            GetHelpApp.useBranding(bundle.productName(), bundle.logoPng());
        }
        Hotkey panic = Hotkey.parse(panicKey);
        // The same window, with control, diagnostics and the panic key, whether the relay is known
        // now or entered on first start.
        Function<RelayEndpoint, DesktopLauncher.Windows> getHelpFor = known -> {
            RelayClient client = new RelayClient(known);
            try {
                return new DesktopLauncher.Windows(
                        // With a pinned organisation the window has the queue request form (queue flow needs the root).
                        // In the window the clipboard goes through JavaFX, on the FX thread.
                        root != null ? client.queueingCustomerSessions(root, screens(), controlDevices(), diagnostics(client),
                                new FxSystemClipboard(), organisation != null ? organisation : root.organisation())
                                : client.customerSessions(root, screens(), controlDevices(), diagnostics(client),
                                        new FxSystemClipboard()),
                        root == null ? null : root.organisation(), null, null, locale, client::close,
                        new DesktopLauncher.InputHooks(panic, false));
            } catch (java.io.IOException e) {
                client.close();
                throw new UncheckedIOException(e);
            }
        };
        if (endpoint == null) {
            FirstStartLauncher.launch(new FirstStartLauncher.Request(SavedRelay.defaultConfigDir(), locale, getHelpFor));
            return 0;
        }
        // The relay client (Netty, TLS) is made while the window toolkit starts.
        DesktopLauncher.launch(java.util.concurrent.CompletableFuture.supplyAsync(() -> getHelpFor.apply(endpoint)));
        return 0;
    }

    /** --relay, else the bundle's relay and pin, else the one saved on first start; null when none is known. */
    private RelayEndpoint relayEndpoint(OrganisationBundle bundle) {
        if (relay.given()) {
            return relay.endpoint();
        }
        if (bundle != null) {
            return RelayEndpoint.parse(bundle.relayAddress(), bundle.relayFingerprint());
        }
        return SavedRelay.load(SavedRelay.defaultConfigDir()).map(SavedRelay::endpoint).orElse(null);
    }
}
