package dev.lifeline.client.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.console.ConsoleSessionViewModel;
import dev.lifeline.client.console.ConsoleTeam;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.StandInFxThread;
import dev.lifeline.client.session.TeamRelay;
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window view models over a real relay (loopback, TLS, H2 file, organisation CA): Get Help
 * fills in its request form and waits in line; the Console's sign-in view model signs in (the
 * relay certifies its key), its queue view model shows the customer with the contract, Take opens
 * a session tab that pairs without a code; a second Console's sign-in with a wrong password and a
 * relay without a database get their typed answers. One thread stands in for the FX thread.
 */
class QueueWindowsOverRelayTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TeamRelay relay = new TeamRelay();
    private final StandInFxThread ui = new StandInFxThread();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.contract("Bakery Schmidt", new Contract.BlockHours(90, 120, 15));
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void getHelpsFormShowsUpInTheConsolesQueueAndIsTaken() throws Exception {
        // Get Help, as the window runs it: the form, then the big button.
        GetHelpViewModel help = ui.call(() -> new GetHelpViewModel(relay.client().queueingCustomerSessions(relay.ca().root(),
                ScreenSources.robot(), ControlDevices.robot(), relay.client().defaultDiagnostics().withGatewayCheck(false),
                "Bakery Schmidt"), ui::execute, Clock.systemUTC(), relay.ca().root().organisation()));
        ui.call(() -> {
            help.helpRequest().nameProperty().set("Dana Customer");
            help.helpRequest().problemProperty().set("The printer prints blank pages");
            help.helpRequest().contactProperty().set("+49 30 555 0100");
            help.getHelp();
        });
        ui.await("Get Help shows its code and its place in line",
                () -> help.codeProperty().get() != null && help.helpRequest().positionProperty().get() == 1);

        // The Console: asks the relay, signs in, watches the queue.
        ConsoleViewModel console = ui.call(() -> new ConsoleViewModel(relay.client().identities(), ui::execute, ui::execute));
        ConsoleTeam team = ui.call(() -> console.useTeam(new RelayTeam(relay.client())));
        ui.call(() -> team.signIn().check());
        ui.await("the sign-in form (the relay has accounts)", () -> team.signIn().state() == SignInViewModel.State.SIGNED_OUT);
        ui.call(() -> {
            team.signIn().nameProperty().set("Alice Meyer");
            team.signIn().passwordProperty().set(TeamRelay.PASSWORD);
            team.signIn().signIn();
        });
        ui.await("signed in", () -> team.signIn().state() == SignInViewModel.State.SIGNED_IN);
        SignedInTechnician alice = ui.call(() -> team.signIn().signedInProperty().get());
        assertNotNull(alice.identity(), "the relay certified the Console's key");
        assertEquals("Alice Meyer", ui.call(() -> console.technicianProperty().get().name()));

        ui.await("Dana in the queue", () -> !team.queue().waiting().isEmpty());
        WaitingCustomer dana = ui.call(() -> team.queue().waiting().get(0));
        assertEquals("Dana Customer", dana.name());
        assertEquals("The printer prints blank pages", dana.problem());
        assertEquals("+49 30 555 0100", dana.contact());
        assertEquals("Bakery Schmidt", dana.organisation());
        assertTrue(dana.blockHours() && dana.lowBalance(), "1.5 h left of the block, below the 2 h threshold");

        ui.call(() -> team.queue().take(dana));
        ConsoleSessionViewModel session = ui.call(() -> console.sessions().get(0));
        assertEquals(dana.entryId(), session.picked().entryId());
        ui.await("the picked session is secured on both sides", () -> session.step() == ConsoleSessionViewModel.Step.SECURED
                && help.stepProperty().get() == GetHelpViewModel.Step.SECURED);
        assertEquals("Dana Customer", ui.call(() -> session.customerName().get()));
        assertEquals("Alice Meyer", ui.call(() -> help.technicianProperty().get().name()));
        assertTrue(ui.call(() -> help.technicianProperty().get().trust() == dev.lifeline.client.session.PeerInfo.Trust.VERIFIED), "queue flow: the certificate is checked");
        ui.await("the queue is empty again", () -> team.queue().waiting().isEmpty());

        ui.call(session::endSession);
        ui.await("both ended", () -> session.step() == ConsoleSessionViewModel.Step.ENDED
                && help.stepProperty().get() == GetHelpViewModel.Step.ENDED);
        ui.call(() -> team.signIn().signOut());
        assertEquals(null, ui.call(() -> console.technicianProperty().get()), "signing out drops the sign-in's certificate");
    }

    @Test
    void wrongPasswordIsSaidAndARelayWithoutDatabaseFallsBackToCodes() throws Exception {
        ConsoleViewModel console = ui.call(() -> new ConsoleViewModel(relay.client().identities(), ui::execute, ui::execute));
        ConsoleTeam team = ui.call(() -> console.useTeam(new RelayTeam(relay.client())));
        ui.call(() -> {
            team.signIn().assumeTeamServer();
            team.signIn().nameProperty().set("Alice Meyer");
            team.signIn().passwordProperty().set("not the password");
            team.signIn().signIn();
        });
        ui.await("refused", () -> team.signIn().problemProperty().get() != null);
        assertEquals(SignInViewModel.Problem.BAD_CREDENTIALS, ui.call(() -> team.signIn().problemProperty().get()));

        Path plain = Files.createDirectories(dir.resolve("plain"));
        try (RunningRelay noDatabase = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0)
                .dataDir(plain).build());
             RelayClient plainClient = new RelayClient(new RelayEndpoint("127.0.0.1", noDatabase.port(),
                     noDatabase.certificateFingerprint()))) {
            ConsoleViewModel codeConsole = ui.call(() -> new ConsoleViewModel(plainClient.identities(), ui::execute, ui::execute));
            ConsoleTeam codeTeam = ui.call(() -> codeConsole.useTeam(new RelayTeam(plainClient)));
            ui.call(() -> codeTeam.signIn().check());
            ui.await("code flow", () -> codeTeam.signIn().state() == SignInViewModel.State.CODE_ONLY);
            // A Console that signs in anyway gets the relay's typed answer, not a dropped connection.
            ui.call(() -> {
                codeTeam.signIn().assumeTeamServer();
                codeTeam.signIn().nameProperty().set("Alice Meyer");
                codeTeam.signIn().passwordProperty().set(TeamRelay.PASSWORD);
                codeTeam.signIn().signIn();
            });
            ui.await("no accounts here", () -> codeTeam.signIn().problemProperty().get() == SignInViewModel.Problem.NO_TEAM_SERVER);
            assertEquals(SignInViewModel.State.CODE_ONLY, ui.call(() -> codeTeam.signIn().state()));
            assertTrue(ui.call(() -> codeTeam.signIn().detailProperty().get()).contains("no accounts"));
        }
    }
}
