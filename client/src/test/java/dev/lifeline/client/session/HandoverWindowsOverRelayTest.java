package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.console.ConsoleSessionViewModel;
import dev.lifeline.client.console.ConsoleTeam;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.LocalInputWatch;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverNote;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.client.team.RelayTeam;
import dev.lifeline.client.team.WaitingCustomer;
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
 * Receiving a handover in the Console window's view models, over a real relay (loopback, TLS, H2
 * file, organisation CA): Alice (headless) picks Dana from the queue and hands her over, or
 * invites Bob to watch; Bob's Console — signed in through its sign-in view model — shows the offer
 * card with the problem and Alice's note, and Accept opens the session tab (the same take as the
 * headless {@code --take-handover}) or a view-only watch tab that shows Dana's screen. One thread
 * stands in for the FX thread.
 */
class HandoverWindowsOverRelayTest {
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
        Accounts accounts = new Accounts(database, new AuditLog(database, clock), clock, TransferOverRelayTest.FAST,
                Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
        accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, TransferOverRelayTest.PASSWORD.toCharArray());
        accounts.add("cli", "Bob Stone", AccountRole.TECHNICIAN, TransferOverRelayTest.PASSWORD.toCharArray());
        ContractStore contracts = new ContractStore(database);
        contracts.setContract(contracts.organisation("Bakery Schmidt", 0), new Contract.TimeAndMaterial(9000, 15), 0);
        relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(ca).passwordHashing(TransferOverRelayTest.FAST).build());
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

    private void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onUi(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Bob's Console window, signed in through its view models. */
    private ConsoleViewModel bobsConsole() throws Exception {
        ConsoleViewModel console = onUi(() -> new ConsoleViewModel(client.identities(), ui::execute, ui::execute));
        ConsoleTeam team = onUi(() -> console.useTeam(new RelayTeam(client)));
        onUi(() -> {
            team.signIn().assumeTeamServer();
            team.signIn().nameProperty().set("Bob Stone");
            team.signIn().passwordProperty().set(TransferOverRelayTest.PASSWORD);
            team.signIn().signIn();
        });
        await("Bob signed in", () -> team.signIn().state() == SignInViewModel.State.SIGNED_IN);
        return console;
    }

    /** Dana waits in the queue (screen shared on request, watchers allowed); Alice picks her. */
    private record Picked(HeadlessRun customer, TransferOverRelayTest.Team alice, WatchOverRelayTest.Viewer aliceView,
                          TechnicianSessionHandle aliceHandle, WaitingCustomer dana) {
    }

    private Picked alicePicksDana() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(8, 320, 200, 20));
        HeadlessRun customer = HeadlessRun.customer(client.queuedCustomerSessions(ca.root(), ScreenSources.replay(frames, 20),
                new ControlDevices(new dev.lifeline.client.control.RecordingInjector().opener(), LocalInputWatch.NONE),
                client.defaultDiagnostics(), new QueueRequest("printer prints blank pages", "", "Bakery Schmidt")),
                "Dana Customer", s -> s.allowScreen(true).allowWatch(true));
        customer.awaitPrefix("queued");
        TransferOverRelayTest.Team alice = TransferOverRelayTest.Team.signIn(client, "Alice Meyer");
        WaitingCustomer dana = alice.firstWaiting();
        WatchOverRelayTest.Viewer aliceView = new WatchOverRelayTest.Viewer(Integer.MAX_VALUE);
        TechnicianSessionHandle aliceHandle = client.pick(alice.me.identity(),
                new QueueTicket(alice.me.sessionToken(), dana.entryId(), dana.name()), aliceView);
        aliceView.await("Alice secured", () -> aliceView.secured.get() > 0);
        return new Picked(customer, alice, aliceView, aliceHandle, dana);
    }

    @Test
    void bobAcceptsATransferFromTheCardAndTheSessionTabIsHis() throws Exception {
        ConsoleViewModel bob = bobsConsole();
        Picked p = alicePicksDana();
        assertTrue(p.alice().awaitRoster("Bob Stone"), "Bob's window made him reachable");

        p.aliceHandle().handOver("Bob Stone", new HandoverNote(p.dana().problem(), "reinstalled the driver, still blank"));
        ConsoleTeam team = bob.team();
        await("the offer card", () -> team.offers().offers().size() == 1);
        HandoverOfferInfo card = onUi(() -> team.offers().offers().get(0));
        assertEquals("Alice Meyer wants to hand Dana Customer over to you", card.question());
        assertEquals("printer prints blank pages", card.problem());
        assertEquals("reinstalled the driver, still blank", card.note());

        onUi(() -> team.offers().accept(card));
        ConsoleSessionViewModel tab = onUi(() -> bob.sessions().get(0));
        assertEquals(card, tab.offer());
        assertEquals(SessionEnd.Reason.HANDED_OVER, p.aliceView().end.get(30, TimeUnit.SECONDS).reason(),
                "Alice's session ends as handed over");
        assertEquals("verified: Bob Stone (ACME Support)", p.customer().awaitPrefix("verified: Bob"));
        await("Bob's tab is secured with Dana", () -> tab.step() == ConsoleSessionViewModel.Step.SECURED
                && tab.customerName().get().equals("Dana Customer"));
        p.customer().type("still blank pages");
        await("Bob's tab shows Dana's line", () -> tab.chat().lines().stream()
                .anyMatch(l -> l.text().equals("still blank pages")));
        onUi(() -> tab.chat().draftProperty().set("let me look"));
        onUi(() -> { tab.chat().send(); });
        p.customer().awaitPrefix("chat: let me look");
        assertTrue(onUi(() -> tab.handover().availableProperty().get()), "Bob can hand it on");

        onUi(tab::endSession);
        assertEquals(0, p.customer().awaitExit());
        p.alice().team.close();
    }

    @Test
    void bobAcceptsAWatchInvitationAndSeesDanasScreenViewOnly() throws Exception {
        ConsoleViewModel bob = bobsConsole();
        Picked p = alicePicksDana();
        assertTrue(p.alice().awaitRoster("Bob Stone"));
        p.aliceHandle().inviteToWatch("Bob Stone", new HandoverNote(p.dana().problem(), ""));
        ConsoleTeam team = bob.team();
        await("the invitation card", () -> team.offers().offers().size() == 1);
        HandoverOfferInfo card = onUi(() -> team.offers().offers().get(0));
        assertEquals(HandoverEvent.Kind.WATCH, card.kind());

        onUi(() -> team.offers().accept(card));
        ConsoleSessionViewModel tab = onUi(() -> bob.sessions().get(0));
        assertTrue(tab.watchOnly());
        assertTrue(p.customer().awaitPrefix("handover: ").startsWith("handover: Bob Stone wants to watch your screen with Alice Meyer"));
        assertEquals("watchers: Bob Stone", p.customer().awaitPrefix("watchers: "));
        await("the watch tab is secured", () -> tab.step() == ConsoleSessionViewModel.Step.SECURED);
        await("Dana's screen in Bob's watch tab", () -> tab.screen().framesShownProperty().get() >= 2);
        assertEquals(dev.lifeline.client.screen.ScreenShareState.Status.SHARING, onUi(() -> tab.screen().statusProperty().get()));
        assertTrue(onUi(() -> !tab.handover().availableProperty().get()), "a watcher hands nothing on");

        // Alice still runs the session; when she ends it, Bob's watch ends too.
        p.aliceHandle().end();
        await("the watch ended with the session", () -> tab.step() == ConsoleSessionViewModel.Step.ENDED);
        assertEquals(0, p.customer().awaitExit());
        p.alice().team.close();
    }
}
