package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
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
import dev.lifeline.relay.contracts.Contract;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    final TeamRelay relay = new TeamRelay();
    private final StandInFxThread ui = new StandInFxThread();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.technician("Bob Stone");
        relay.contract("Bakery Schmidt", new Contract.TimeAndMaterial(9000, 15));
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    /** Bob's Console window, signed in through its view models. */
    private ConsoleViewModel bobsConsole() throws Exception {
        ConsoleViewModel console = ui.call(() -> new ConsoleViewModel(relay.client().identities(), ui::execute, ui::execute));
        ConsoleTeam team = ui.call(() -> console.useTeam(new RelayTeam(relay.client())));
        ui.call(() -> {
            team.signIn().assumeTeamServer();
            team.signIn().nameProperty().set("Bob Stone");
            team.signIn().passwordProperty().set(TeamRelay.PASSWORD);
            team.signIn().signIn();
        });
        ui.await("Bob signed in", () -> team.signIn().state() == SignInViewModel.State.SIGNED_IN);
        return console;
    }

    /** Dana waits in the queue (screen shared on request, watchers allowed); Alice picks her. */
    private record Picked(HeadlessRun customer, TransferOverRelayTest.Team alice, WatchOverRelayTest.Viewer aliceView,
                          TechnicianSessionHandle aliceHandle, WaitingCustomer dana) {
    }

    private Picked alicePicksDana() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(8, 320, 200, 20));
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.replay(frames, 20),
                new ControlDevices(new dev.lifeline.client.control.RecordingInjector().opener(), LocalInputWatch.NONE),
                relay.client().defaultDiagnostics(), new QueueRequest("printer prints blank pages", "", "Bakery Schmidt")),
                "Dana Customer", s -> s.allowScreen(true).allowWatch(true));
        customer.awaitPrefix("queued");
        TransferOverRelayTest.Team alice = TransferOverRelayTest.Team.signIn(relay.client(), "Alice Meyer");
        WaitingCustomer dana = alice.firstWaiting();
        WatchOverRelayTest.Viewer aliceView = new WatchOverRelayTest.Viewer(Integer.MAX_VALUE);
        TechnicianSessionHandle aliceHandle = relay.client().pick(alice.me.identity(),
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
        ui.await("the offer card", () -> team.offers().offers().size() == 1);
        HandoverOfferInfo card = ui.call(() -> team.offers().offers().get(0));
        assertEquals("Alice Meyer wants to hand Dana Customer over to you", card.question());
        assertEquals("printer prints blank pages", card.problem());
        assertEquals("reinstalled the driver, still blank", card.note());

        ui.call(() -> team.offers().accept(card));
        ConsoleSessionViewModel tab = ui.call(() -> bob.sessions().get(0));
        assertEquals(card, tab.offer());
        assertEquals(SessionEnd.Reason.HANDED_OVER, p.aliceView().end.get(30, TimeUnit.SECONDS).reason(),
                "Alice's session ends as handed over");
        assertEquals("verified: Bob Stone (ACME Support)", p.customer().awaitPrefix("verified: Bob"));
        ui.await("Bob's tab is secured with Dana", () -> tab.step() == ConsoleSessionViewModel.Step.SECURED
                && tab.customerName().get().equals("Dana Customer"));
        p.customer().type("still blank pages");
        ui.await("Bob's tab shows Dana's line", () -> tab.chat().lines().stream()
                .anyMatch(l -> l.text().equals("still blank pages")));
        ui.call(() -> tab.chat().draftProperty().set("let me look"));
        ui.call(() -> { tab.chat().send(); });
        p.customer().awaitPrefix("chat: let me look");
        assertTrue(ui.call(() -> tab.handover().availableProperty().get()), "Bob can hand it on");

        ui.call(tab::endSession);
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
        ui.await("the invitation card", () -> team.offers().offers().size() == 1);
        HandoverOfferInfo card = ui.call(() -> team.offers().offers().get(0));
        assertEquals(HandoverEvent.Kind.WATCH, card.kind());

        ui.call(() -> team.offers().accept(card));
        ConsoleSessionViewModel tab = ui.call(() -> bob.sessions().get(0));
        assertTrue(tab.watchOnly());
        assertTrue(p.customer().awaitPrefix("handover: ").startsWith("handover: Bob Stone wants to watch your screen with Alice Meyer"));
        assertEquals("watchers: Bob Stone", p.customer().awaitPrefix("watchers: "));
        ui.await("the watch tab is secured", () -> tab.step() == ConsoleSessionViewModel.Step.SECURED);
        ui.await("Dana's screen in Bob's watch tab", () -> tab.screen().framesShownProperty().get() >= 2);
        assertEquals(dev.lifeline.client.screen.ScreenShareState.Status.SHARING, ui.call(() -> tab.screen().statusProperty().get()));
        assertTrue(ui.call(() -> !tab.handover().availableProperty().get()), "a watcher hands nothing on");

        // Alice still runs the session; when she ends it, Bob's watch ends too.
        p.aliceHandle().end();
        ui.await("the watch ended with the session", () -> tab.step() == ConsoleSessionViewModel.Step.ENDED);
        assertEquals(0, p.customer().awaitExit());
        p.alice().team.close();
    }
}
