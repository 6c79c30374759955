package dev.lifeline.client.launch;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.FxSystemClipboard;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.laser.LaserOverlayWindow;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything on this machine: a relay on loopback, a demo organisation with one technician, and
 * both windows, ready to try a session end to end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a relay on loopback plus the Get Help and Console windows, ready to try.")
public final class DemoCommand implements Callable<Integer> {
    static final String DEMO_ORGANISATION = "Lifeline Demo Support";
    static final String DEMO_TECHNICIAN = "Alex Demo";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the demo keeps its relay certificate and keys (default: a new temporary folder).")
    Path dataDir;

    @Option(names = "--lang", description = "Language: en, de, es, nl, ro (default: the system's).")
    String language;

    @Option(names = "--replay", paramLabel = "DIR", description = "Get Help shares these PNG frames (in name order,"
            + " looping) instead of this machine's screen, e.g. ../shared/corpus/browser.")
    Path replay;

    @Option(names = "--replay-fps", paramLabel = "FPS", description = "Frames per second of --replay (default: ${DEFAULT-VALUE}).")
    double replayFps = 10;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("lifeline-demo");
        DemoSetup setup = DemoSetup.create(dir);
        // Issue 6: the demo relay is also the team server (H2 in the demo folder), with demo accounts,
        // a demo customer organisation on block hours, and its CA certifying technicians who sign in.
        Database database = Database.open(null, dir.resolve("relay"));
        DemoTeam.create(database);
        RunningRelay relay = RelayServer.start(RelayConfig.builder()
                .dataDir(dir.resolve("relay"))
                .bindAddress("127.0.0.1")
                .port(0)
                .database(database)
                .organisationCa(setup.ca())
                .build());
        System.out.println("Demo relay on 127.0.0.1:" + relay.port() + ", certificate " + relay.certificateFingerprint());
        System.out.println("Demo technician identity: " + setup.identityFile());
        System.out.println("Demo sign-in: \"" + DemoTeam.TECHNICIAN + "\" or \"" + DemoTeam.ADMIN
                + "\", password " + DemoTeam.PASSWORD);
        RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        ScreenSources screens = replay == null ? ScreenSources.robot() : ScreenSources.replayPreloaded(replay, replayFps);
        DesktopLauncher.launch(new DesktopLauncher.Windows(
                // No local-user-first in the demo: the technician's mouse is the customer's mouse here.
                // Get Help with the queue request form (pre-filled below): its request shows up in the Console's queue.
                client.queueingCustomerSessions(setup.root(), screens,
                        ControlDevices.robot().withOverlays(LaserOverlayWindow.opener()),
                        // Everything stays on this machine: the relay is the only checked endpoint, no gateway ping.
                        client.defaultDiagnostics().withGatewayCheck(false), new FxSystemClipboard(),
                        DemoTeam.CUSTOMER_ORGANISATION),
                // The demo Console signs in as the demo technician (its certificate comes from the demo CA);
                // Sign out shows the sign-in screen, where the demo admin can sign in too.
                setup.root().organisation(), client.identities(), null,
                Languages.locale(language), () -> {
                    client.close();
                    relay.close();
                    database.close();
                }).withTeam(new dev.lifeline.client.app.ConsoleApp.TeamStart(new dev.lifeline.client.team.RelayTeam(client),
                        DemoTeam.TECHNICIAN, DemoTeam.PASSWORD.toCharArray()))
                .withHelpRequest(DemoTeam.CUSTOMER, DemoTeam.PROBLEM));
        return 0;
    }

    /** The demo organisation: its root (pinned by Get Help) and one technician's identity file. */
    record DemoSetup(OrganisationRoot root, Path identityFile, OrganisationCa ca) {
        static DemoSetup create(Path dir) throws Exception {
            // The demo's CA lives only in memory: it signs the technicians and is gone on exit.
            OrganisationCa ca = OrganisationCa.create(DEMO_ORGANISATION);
            TechnicianIdentity technician = ca.issueTechnician(DEMO_TECHNICIAN, Duration.ofDays(30));
            Path identityFile = dir.resolve("demo-technician.identity");
            // Unencrypted (still owner-only) so the demo Console loads it without a passphrase prompt.
            technician.save(identityFile, new char[0]);
            return new DemoSetup(ca.root(), identityFile, ca);
        }
    }
}
