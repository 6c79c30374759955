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
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window view models over a real relay (loopback, TLS, H2 file, organisation CA): Get Help
 * fills in its request form and waits in line; the Console's sign-in view model signs in (the
 * relay certifies its key), its queue view model shows the customer with the contract, Take opens
 * a session tab that pairs without a code; a second Console's sign-in with a wrong password and a
 * relay without a database get their typed answers. One thread stands in for the FX thread.
 */
class QueueWindowsOverRelayTest {
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private Database database;
    private RunningRelay relay;
    private RelayClient client;
    private OrganisationCa ca;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @BeforeEach
    void start() throws Exception {
        database = Database.open(null, dir.resolve("relay"));
        ca = OrganisationCa.create("ACME Support");
        Clock clock = Clock.systemUTC();
        Accounts accounts = new Accounts(database, new AuditLog(database, clock), clock, QueueSessionOverRelayTest.FAST,
                Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
        accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
        ContractStore contracts = new ContractStore(database);
        contracts.setContract(contracts.organisation("Bakery Schmidt", 0), new Contract.BlockHours(90, 120, 15), 0);
        relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(ca).passwordHashing(QueueSessionOverRelayTest.FAST).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
        database.close();
        ui.shutdownNow();
    }

    private <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable task) throws Exception {
        ui.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Waits (on the stand-in FX thread) until {@code condition} holds; no sleeps in the assertions. */
    private void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onUi(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void getHelpsFormShowsUpInTheConsolesQueueAndIsTaken() throws Exception {
        // Get Help, as the window runs it: the form, then the big button.
        GetHelpViewModel help = onUi(() -> new GetHelpViewModel(client.queueingCustomerSessions(ca.root(),
                ScreenSources.robot(), ControlDevices.robot(), client.defaultDiagnostics().withGatewayCheck(false),
                "Bakery Schmidt"), ui::execute, Clock.systemUTC(), ca.root().organisation()));
        onUi(() -> {
            help.helpRequest().nameProperty().set("Dana Customer");
            help.helpRequest().problemProperty().set("The printer prints blank pages");
            help.helpRequest().contactProperty().set("+49 30 555 0100");
            help.getHelp();
        });
        await("Get Help shows its code and its place in line",
                () -> help.codeProperty().get() != null && help.helpRequest().positionProperty().get() == 1);

        // The Console: asks the relay, signs in, watches the queue.
        ConsoleViewModel console = onUi(() -> new ConsoleViewModel(client.identities(), ui::execute, ui::execute));
        ConsoleTeam team = onUi(() -> console.useTeam(new RelayTeam(client)));
        onUi(() -> team.signIn().check());
        await("the sign-in form (the relay has accounts)", () -> team.signIn().state() == SignInViewModel.State.SIGNED_OUT);
        onUi(() -> {
            team.signIn().nameProperty().set("Alice Meyer");
            team.signIn().passwordProperty().set(PASSWORD);
            team.signIn().signIn();
        });
        await("signed in", () -> team.signIn().state() == SignInViewModel.State.SIGNED_IN);
        SignedInTechnician alice = onUi(() -> team.signIn().signedInProperty().get());
        assertNotNull(alice.identity(), "the relay certified the Console's key");
        assertEquals("Alice Meyer", onUi(() -> console.technicianProperty().get().name()));

        await("Dana in the queue", () -> !team.queue().waiting().isEmpty());
        WaitingCustomer dana = onUi(() -> team.queue().waiting().get(0));
        assertEquals("Dana Customer", dana.name());
        assertEquals("The printer prints blank pages", dana.problem());
        assertEquals("+49 30 555 0100", dana.contact());
        assertEquals("Bakery Schmidt", dana.organisation());
        assertTrue(dana.blockHours() && dana.lowBalance(), "1.5 h left of the block, below the 2 h threshold");

        onUi(() -> team.queue().take(dana));
        ConsoleSessionViewModel session = onUi(() -> console.sessions().get(0));
        assertEquals(dana.entryId(), session.picked().entryId());
        await("the picked session is secured on both sides", () -> session.step() == ConsoleSessionViewModel.Step.SECURED
                && help.stepProperty().get() == GetHelpViewModel.Step.SECURED);
        assertEquals("Dana Customer", onUi(() -> session.customerName().get()));
        assertEquals("Alice Meyer", onUi(() -> help.technicianProperty().get().name()));
        assertTrue(onUi(() -> help.technicianProperty().get().trust() == dev.lifeline.client.session.PeerInfo.Trust.VERIFIED), "queue flow: the certificate is checked");
        await("the queue is empty again", () -> team.queue().waiting().isEmpty());

        onUi(session::endSession);
        await("both ended", () -> session.step() == ConsoleSessionViewModel.Step.ENDED
                && help.stepProperty().get() == GetHelpViewModel.Step.ENDED);
        onUi(() -> team.signIn().signOut());
        assertEquals(null, onUi(() -> console.technicianProperty().get()), "signing out drops the sign-in's certificate");
    }

    @Test
    void wrongPasswordIsSaidAndARelayWithoutDatabaseFallsBackToCodes() throws Exception {
        ConsoleViewModel console = onUi(() -> new ConsoleViewModel(client.identities(), ui::execute, ui::execute));
        ConsoleTeam team = onUi(() -> console.useTeam(new RelayTeam(client)));
        onUi(() -> {
            team.signIn().assumeTeamServer();
            team.signIn().nameProperty().set("Alice Meyer");
            team.signIn().passwordProperty().set("not the password");
            team.signIn().signIn();
        });
        await("refused", () -> team.signIn().problemProperty().get() != null);
        assertEquals(SignInViewModel.Problem.BAD_CREDENTIALS, onUi(() -> team.signIn().problemProperty().get()));

        Path plain = Files.createDirectories(dir.resolve("plain"));
        try (RunningRelay noDatabase = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0)
                .dataDir(plain).build());
             RelayClient plainClient = new RelayClient(new RelayEndpoint("127.0.0.1", noDatabase.port(),
                     noDatabase.certificateFingerprint()))) {
            ConsoleViewModel codeConsole = onUi(() -> new ConsoleViewModel(plainClient.identities(), ui::execute, ui::execute));
            ConsoleTeam codeTeam = onUi(() -> codeConsole.useTeam(new RelayTeam(plainClient)));
            onUi(() -> codeTeam.signIn().check());
            await("code flow", () -> codeTeam.signIn().state() == SignInViewModel.State.CODE_ONLY);
            // A Console that signs in anyway gets the relay's typed answer, not a dropped connection.
            onUi(() -> {
                codeTeam.signIn().assumeTeamServer();
                codeTeam.signIn().nameProperty().set("Alice Meyer");
                codeTeam.signIn().passwordProperty().set(PASSWORD);
                codeTeam.signIn().signIn();
            });
            await("no accounts here", () -> codeTeam.signIn().problemProperty().get() == SignInViewModel.Problem.NO_TEAM_SERVER);
            assertEquals(SignInViewModel.State.CODE_ONLY, onUi(() -> codeTeam.signIn().state()));
            assertTrue(onUi(() -> codeTeam.signIn().detailProperty().get()).contains("no accounts"));
        }
    }
}
