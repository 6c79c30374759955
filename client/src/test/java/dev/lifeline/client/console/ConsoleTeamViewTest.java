package dev.lifeline.client.console;

import static dev.lifeline.client.testing.FakeTeam.waiting;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.client.team.WaitingCustomer.Sla;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeTeam;
import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRole;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Console against a team server: sign-in errors, the live queue, Take, a lost race, admin tab. */
@ExtendWith(ApplicationExtension.class)
class ConsoleTeamViewTest {
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private final FakeTeam team = new FakeTeam();
    private ConsoleViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ConsoleViewModel(identities, Runnable::run, Platform::runLater, Clock.systemUTC());
        vm.useTeam(team);
        stage.setScene(ConsoleApp.createScene(vm, new Messages(Locale.ENGLISH)));
        stage.show();
        vm.team().signIn().check();
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void relayHasAccounts() {
        team.teamServer.complete(true);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(FxRobot robot, String name, String password) {
        robot.clickOn("#signInName").eraseText(20).write(name);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String error(FxRobot robot) {
        return robot.lookup("#signInError").queryAs(Label.class).getText();
    }

    @Test
    void signInErrorsAreClearAndSuccessShowsWhoIsSignedIn(FxRobot robot) {
        relayHasAccounts();
        assertTrue(showing(robot.lookup("#signInView").query()));
        assertFalse(showing(robot.lookup("#identityNotLoaded").query()), "identity-file controls wait behind the form");

        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Enter your account name.", error(robot));

        signIn(robot, "Alice", "nope");
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.BAD_CREDENTIALS, "wrong name or password", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Wrong name or password.", error(robot));

        signIn(robot, "Alice", "nope again");
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.LOCKED, "locked", 60_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Too many failed sign-ins. The account is locked for 60 s; try again then.", error(robot));

        signIn(robot, "Alice", "x");
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.SECOND_FACTOR_REQUIRED, "code", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#signInCode").query()));
        assertEquals("This account also needs the code from your authenticator app.", error(robot));

        robot.clickOn("#signInPassword").write("correct horse battery");
        robot.clickOn("#signInCode").write("654321");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("654321", team.last().totp());
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#signInView").query()));
        assertEquals("Alice Meyer", robot.lookup("#signedInName").queryAs(Label.class).getText());
        assertEquals("Signed in · technician", robot.lookup("#signedInDetail").queryAs(Label.class).getText());
        assertTrue(vm.canJoin().get(), "the certificate from the sign-in joins codes too");
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        assertEquals(List.of("queueTab"), tabs.getTabs().stream().map(Tab::getId).toList(), "no Accounts tab for a technician");

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#signInView").query()));
        assertTrue(tabs.getTabs().isEmpty());
        assertFalse(vm.canJoin().get());
    }

    @Test
    void relayWithoutAccountsShowsTheCodeFlow(FxRobot robot) {
        team.teamServer.complete(false);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#signInView").query()));
        assertTrue(showing(robot.lookup("#identityNotLoaded").query()));
        assertFalse(showing(robot.lookup("#showSignIn").query()));
    }

    @Test
    void queueUpdatesLiveAndTakeOpensTheSessionTabWithTheContract(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Alice", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        WaitForAsyncUtils.waitForFxEvents();
        long now = System.currentTimeMillis();
        WaitingCustomer dana = waiting(7, "Dana", "Printer prints blank pages", now - 95_000, 90, true, false, Sla.AT_RISK);
        team.last().listener().queue(List.of(dana), now);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<WaitingCustomer> table = robot.lookup("#queueTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        double problemWidth = table.getColumns().get(2).getWidth();
        assertTrue(problemWidth > 1.5 * table.getColumns().get(1).getWidth(), "the problem gets the room: " + problemWidth);
        assertTrue(robot.lookup("1.5 h left (low)").tryQuery().isPresent(), "low block hours are flagged");
        assertTrue(robot.lookup("At risk").tryQuery().isPresent());
        assertTrue(robot.lookup("1:35").tryQuery().isPresent() || robot.lookup("1:36").tryQuery().isPresent(),
                "waiting time shown");
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        assertEquals("Queue (1)", tabs.getTabs().get(0).getText());

        WaitingCustomer eve = waiting(8, "Eve", "Mail is gone", now, 0, true, true, Sla.BREACHED);
        team.last().listener().queue(List.of(dana, eve), now);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, table.getItems().size());
        assertTrue(robot.lookup("Exhausted (0 h)").tryQuery().isPresent());

        robot.clickOn("#take-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, team.picks.tickets.size());
        assertEquals(7, team.picks.tickets.get(0).entryId());
        assertEquals("token-Alice Meyer", team.picks.tickets.get(0).sessionToken());
        assertEquals(2, tabs.getTabs().size());
        Tab session = tabs.getSelectionModel().getSelectedItem();
        assertEquals("Dana", session.getText());
        assertEquals("1.5 h left (low)", ((Label) ((javafx.scene.layout.HBox) robot.lookup("#pickedBalance").query())
                .getChildren().get(0)).getText());
        team.picks.picked.get(0).listener.onSecured(PeerInfo.customer("Dana"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#pickedCustomer").query()), "contract stays in view once secured");
        assertTrue(showing(robot.lookup("#pickedSla").query()));

        // Eve: another technician is faster.
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#take-8");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, tabs.getTabs().size());
        team.picks.picked.get(1).listener.onEnded(new SessionEnd(SessionEnd.Reason.TAKEN_BY_ANOTHER,
                "another technician took this customer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, tabs.getTabs().size(), "no tab for the lost pick");
        assertEquals(tabs.getTabs().get(0), tabs.getSelectionModel().getSelectedItem(), "back at the queue");
        assertEquals("Another technician took Eve. The list is up to date.",
                robot.lookup("#queueNotice").queryAs(Label.class).getText());
        assertEquals(1, table.getItems().size());

        // A new customer while the session tab is in front: the Queue tab says so until it is looked at.
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitingCustomer finn = waiting(9, "Finn", "Printer jam", now, 600, false, false, Sla.ON_TRACK);
        team.last().listener().queue(List.of(dana, finn), now);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Queue (2) · 1 new", tabs.getTabs().get(0).getText());
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertEquals("Queue (2)", tabs.getTabs().get(0).getText());
        robot.clickOn("#queueFilter").write("jam");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(9L), table.getItems().stream().map(WaitingCustomer::entryId).toList());
    }

    @Test
    void adminsGetTheAccountsTab(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Root", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Root", "admin"));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        assertEquals(List.of("queueTab", "accountsTab"), tabs.getTabs().stream().map(Tab::getId).toList());
        assertEquals(1, team.last().link().requests.size(), "the list is asked for at once");
        team.last().listener().accounts(AccountReply.newBuilder().setOk(true)
                .addAccounts(AccountInfo.newBuilder().setName("Root").setRole(AccountRole.ACCOUNT_ADMIN))
                .addAccounts(AccountInfo.newBuilder().setName("Alice").setRole(AccountRole.ACCOUNT_TECHNICIAN)).build());
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newAccountName").write("Bob");
        robot.clickOn("#newAccountPassword").write("short");
        robot.clickOn("#addAccount");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Bob", team.last().link().requests.get(1).getAdd().getName());
        team.last().listener().accounts(AccountReply.newBuilder().setOk(false)
                .setMessage("a new password needs at least 12 characters").build());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("a new password needs at least 12 characters", robot.lookup("#accountsResult").queryAs(Label.class).getText());

        // Authenticator setup for Alice: the key shows once, a code from the app confirms it.
        assertFalse(showing(robot.lookup("#totpEnrolment").query()));
        robot.clickOn("Alice");
        robot.clickOn("#setUpTotp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice", team.last().link().requests.get(2).getTotpBegin());
        team.last().listener().accounts(AccountReply.newBuilder().setOk(true).setTotpAccount("Alice")
                .setTotpSecret("JBSWY3DPEHPK3PXP").setOtpauthUri("otpauth://totp/Lifeline:Alice?secret=JBSWY3DPEHPK3PXP")
                .addAccounts(AccountInfo.newBuilder().setName("Root").setRole(AccountRole.ACCOUNT_ADMIN))
                .addAccounts(AccountInfo.newBuilder().setName("Alice").setRole(AccountRole.ACCOUNT_TECHNICIAN)).build());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#totpEnrolment").query()));
        assertEquals("JBSW Y3DP EHPK 3PXP", robot.lookup("#totpSecret").queryAs(Label.class).getText());
        assertEquals("otpauth://totp/Lifeline:Alice?secret=JBSWY3DPEHPK3PXP",
                robot.lookup("#totpUri").queryAs(javafx.scene.control.TextField.class).getText());
        robot.clickOn("#totpCode").write("492039");
        robot.clickOn("#confirmTotp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("492039", team.last().link().requests.get(3).getTotpConfirm().getCode());
        team.last().listener().accounts(AccountReply.newBuilder().setOk(true).setMessage("authenticator on for Alice")
                .addAccounts(AccountInfo.newBuilder().setName("Alice").setRole(AccountRole.ACCOUNT_TECHNICIAN).setTotp(true))
                .build());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#totpEnrolment").query()), "the key is no longer shown");
        assertEquals("authenticator on for Alice", robot.lookup("#accountsResult").queryAs(Label.class).getText());
    }

    @Test
    void anOfferedTransferShowsAsACardAndAcceptOpensTheSessionTab(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Bob", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Bob Stone", "technician"));
        team.last().listener().roster(List.of("Alice Meyer", "Bob Stone", "Carol King"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#handoverOffers").query()), "no card without an offer");

        long now = System.currentTimeMillis();
        team.last().listener().offer(new HandoverOfferInfo(new byte[] {1, 2, 3}, HandoverEvent.Kind.TRANSFER,
                "Alice Meyer", "Dana", now + 60_000, "Printer prints blank pages", "driver reinstalled, still blank"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#offerCard").query()));
        assertEquals("Alice Meyer wants to hand Dana over to you", robot.lookup("#offerQuestion").queryAs(Label.class).getText());
        assertEquals("Problem: Printer prints blank pages", robot.lookup("#offerProblem").queryAs(Label.class).getText());
        assertEquals("Note from Alice Meyer: driver reinstalled, still blank",
                robot.lookup("#offerNote").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#offerLeft").queryAs(Label.class).getText().matches("Answer within (59|60) s"));

        robot.clickOn("#acceptOffer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, team.picks.taken.size());
        assertEquals("token-Bob Stone", team.picks.taken.get(0).sessionToken());
        assertArrayEquals(new byte[] {1, 2, 3}, team.picks.taken.get(0).offerId());
        assertEquals(HandoverEvent.Kind.TRANSFER, team.picks.taken.get(0).kind());
        assertFalse(showing(robot.lookup("#handoverOffers").query()), "the card is gone");
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        Tab session = tabs.getSelectionModel().getSelectedItem();
        assertEquals("Dana", session.getText());
        // The relay's answer to the take itself (before the handshake) is no status of a handover of Bob's.
        team.picks.takenHandles.get(0).listener.onHandover(new HandoverEvent(HandoverEvent.Kind.TRANSFER,
                HandoverEvent.Outcome.COMPLETED, "Alice Meyer", ""));

        team.picks.takenHandles.get(0).listener.onSecured(PeerInfo.customer("Dana"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", vm.sessions().get(0).handover().statusProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Problem: Printer prints blank pages · Note from Alice Meyer: driver reinstalled, still blank",
                ((Label) session.getContent().lookup("#offerBar")).getText());
        assertEquals("Handed over by Alice Meyer", robot.lookup("#sessionTitle").queryAs(Label.class).getParent()
                .getChildrenUnmodifiable().stream().filter(n -> n != robot.lookup("#sessionTitle").query())
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow());
        ConsoleSessionViewModel taken = vm.sessions().get(0);
        assertEquals(List.of("Alice Meyer", "Carol King"), taken.handover().candidates(), "it can be handed on");

        // Handing it on sends the problem along with the note typed in the bar.
        robot.clickOn(session.getContent().lookup("#handoverNote")).write("needs a new toner");
        robot.interact(() -> taken.handover().transfer("Carol King"));
        assertEquals(List.of("handOver:Carol King|Printer prints blank pages|needs a new toner"),
                team.picks.takenHandles.get(0).handoverCalls);
    }

    @Test
    void aWatchInvitationCanBeDeclinedOrOpensAViewOnlyTab(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Bob", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Bob Stone", "technician"));
        WaitForAsyncUtils.waitForFxEvents();
        long now = System.currentTimeMillis();
        HandoverOfferInfo first = new HandoverOfferInfo(new byte[] {7}, HandoverEvent.Kind.WATCH, "Alice Meyer", "Dana",
                now + 60_000, "", "");
        team.last().listener().offer(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice Meyer invites you to watch the session with Dana (view only)",
                robot.lookup("#offerQuestion").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#offerNote").tryQuery().isEmpty(), "no empty note line");
        robot.clickOn("#declineOffer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, team.last().link().declined.size());
        assertTrue(team.last().link().declined.get(0).is(new byte[] {7}));
        assertTrue(team.picks.taken.isEmpty());

        team.last().listener().offer(new HandoverOfferInfo(new byte[] {8}, HandoverEvent.Kind.WATCH, "Alice Meyer", "Dana",
                now + 60_000, "Printer prints blank pages", ""));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#acceptOffer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HandoverEvent.Kind.WATCH, team.picks.taken.get(0).kind());
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        Tab watch = tabs.getSelectionModel().getSelectedItem();
        assertEquals("Dana (watching)", watch.getText(), () -> tabs.getTabs().stream().map(Tab::getText).toList().toString());
        FakeSessions.FakeHandle handle = team.picks.takenHandles.get(0);
        handle.listener.onSecured(PeerInfo.customer("Dana"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("request"), handle.screenCalls, "a watcher asks for the picture at once");
        Node content = watch.getContent();
        assertTrue(((Label) content.lookup("#offerBar")).getText().startsWith("View only: you watch the session of Alice Meyer with Dana"));
        assertEquals(null, content.lookup("#handoverBar"), "a watcher hands nothing on");
        assertEquals(1, ((TabPane) content.lookup("#sideTabs")).getTabs().size(), "chat only, no diagnostics");
        assertFalse(vm.sessions().get(0).handover().availableProperty().get());
    }

    @Test
    void signOutDuringASessionAsksAndKeepsTheTabUntilTheAnswer(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Alice", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        long now = System.currentTimeMillis();
        team.last().listener().queue(List.of(waiting(7, "Dana", "Printer prints blank pages", now, 90, false, false,
                Sla.ON_TRACK)), now);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#take-7");
        team.picks.picked.get(0).listener.onSecured(PeerInfo.customer("Dana"));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#signOutQuestion").query()));
        assertFalse(team.last().link().closed, "not signed out before the answer");
        robot.clickOn("#cancelSignOut");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#signOutQuestion").query()));
        assertFalse(team.picks.picked.get(0).ended);

        // The relay ends the sign-in (e.g. revoked): the running session's tab stays in view.
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.TOKEN_INVALID, "ended", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#signInView").query()), "the sign-in card does not cover a running session");
        assertTrue(showing(robot.lookup("#sessionTabs").query()));
        assertFalse(team.picks.picked.get(0).ended);

        // Once that session is over, the sign-in card comes back.
        team.picks.picked.get(0).listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_ME, ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#signInView").query()));
    }

    @Test
    void confirmedSignOutEndsTheRunningSessions(FxRobot robot) {
        relayHasAccounts();
        signIn(robot, "Alice", "correct horse battery");
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        long now = System.currentTimeMillis();
        team.last().listener().queue(List.of(waiting(7, "Dana", "Printer prints blank pages", now, 90, false, false,
                Sla.ON_TRACK)), now);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#take-7");
        team.picks.picked.get(0).listener.onSecured(PeerInfo.customer("Dana"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#confirmSignOut");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(team.picks.picked.get(0).ended, "the session was ended, the customer told");
        assertTrue(team.last().link().closed);
        assertTrue(showing(robot.lookup("#signInView").query()));
    }
}
