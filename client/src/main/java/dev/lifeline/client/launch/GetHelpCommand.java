package dev.lifeline.client.launch;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.FxSystemClipboard;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.headless.HeadlessSession;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.common.identity.OrganisationRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gethelp", mixinStandardHelpOptions = true,
        description = "Ask for help: shows a code to read to your technician, then chat.")
public final class GetHelpCommand implements Callable<Integer> {
    @Mixin
    RelayOptions relay;

    @Option(names = "--org-root", paramLabel = "FILE",
            description = "Certificate of the support organisation (PEM). Technicians are shown as verified"
                    + " only when their certificate chains to it.")
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

    @Option(names = "--replay", paramLabel = "DIR", description = "Share PNG frames from this folder (in name order,"
            + " looping) instead of the real screen: for demos and machines without a display.")
    Path replay;

    @Option(names = "--replay-fps", paramLabel = "FPS", description = "Frames per second of --replay (default: ${DEFAULT-VALUE}).")
    double replayFps = 10;

    @Option(names = "--lang", description = "Language: en, de, es, nl, ro (default: the system's).")
    String language;

    private ScreenSources screens() {
        return replay == null ? ScreenSources.robot() : ScreenSources.replayPreloaded(replay, replayFps);
    }

    @Override
    public Integer call() throws Exception {
        OrganisationRoot root = orgRoot == null ? null : OrganisationRoot.load(orgRoot);
        if (headless) {
            try (RelayClient client = new RelayClient(relay.endpoint())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return new HeadlessSession(System.out).allowScreen(allowScreen).allowClipboard(allowClipboard)
                        .allowFiles(allowFiles).downloadDir(downloadDir)
                        .runCustomer(client.customerSessions(root, screens()), name, in);
            }
        }
        RelayClient client = new RelayClient(relay.endpoint());
        // In the window the clipboard goes through JavaFX, on the FX thread.
        DesktopLauncher.launch(new DesktopLauncher.Windows(client.customerSessions(root, screens(), ControlDevices.robot(),
                new FxSystemClipboard()),
                root == null ? null : root.organisation(), null, null, Languages.locale(language), client::close));
        return 0;
    }
}
