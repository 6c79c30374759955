package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class GetHelpViewTest {
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private Messages messages;

    @Start
    void start(Stage stage) {
        messages = new Messages(Locale.ENGLISH);
        GetHelpViewModel vm = new GetHelpViewModel(sessions, Platform::runLater, Clock.systemUTC(), "ACME Support");
        stage.setScene(GetHelpApp.createScene(vm, messages));
        stage.show();
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theWindowOpensWithTheFirstPageAloneAndGetsTheSessionPartsWithoutAClick(FxRobot robot) throws Exception {
        // Start-up (issue 8): a fresh view holds the idle page only; the session's pages and cards follow the first frame.
        messages = new Messages(Locale.ENGLISH);
        GetHelpView[] view = new GetHelpView[1];
        robot.interact(() -> view[0] = new GetHelpView(
                new GetHelpViewModel(new FakeSessions.Customer(), Platform::runLater, Clock.systemUTC(), null), messages));
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS); // pulses go on: not shown, not built
        robot.interact(() -> {
            assertTrue(view[0].lookup("#idlePage") != null);
            assertTrue(view[0].lookup("#securedPage") == null, "the session's pages are not built before the window opens");
            Stage window = new Stage();
            window.setScene(new javafx.scene.Scene(view[0], 440, 640));
            window.show();
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> view[0].lookup("#securedPage") != null);
        assertTrue(view[0].lookup("#screenConsent") != null, "the consent cards are there before anyone asks");
        robot.interact(() -> view[0].getScene().getWindow().hide());
    }

    @Test
    void aSessionStartedBeforeTheFirstFrameBuildsItsPagesAtOnce(FxRobot robot) {
        GetHelpViewModel vm = new GetHelpViewModel(new FakeSessions.Customer(), Runnable::run, Clock.systemUTC(), null);
        GetHelpView[] view = new GetHelpView[1];
        robot.interact(() -> {
            view[0] = new GetHelpView(vm, new Messages(Locale.ENGLISH));
            vm.getHelp(); // never shown: no frame, the step change alone builds them
            assertTrue(view[0].lookup("#connectingPage") != null);
            assertTrue(view[0].lookup("#connectingPage").isVisible());
            assertTrue(!view[0].lookup("#idlePage").isVisible());
        });
    }

    @Test
    void getHelpShowsTheCodeThenTheVerifiedTechnicianThenChats(FxRobot robot) {
        robot.clickOn("#customerName").write("Bob");
        robot.clickOn("#getHelp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, sessions.started.size());
        FakeHandle h = sessions.last();
        assertEquals("Bob", h.customerName);

        h.listener.onCodeReady(SessionCode.parse("418290573"), Instant.now().plusSeconds(600).toEpochMilli());
        WaitForAsyncUtils.waitForFxEvents();
        Label code = robot.lookup("#sessionCode").queryAs(Label.class);
        assertTrue(showing(code));
        assertEquals("418 · 290 573", code.getText());
        assertTrue(showing(robot.lookup("#endSession").query()), "End session is always there");

        h.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        WaitForAsyncUtils.waitForFxEvents();
        Label name = robot.lookup("#technicianName").queryAs(Label.class);
        assertTrue(showing(name));
        assertEquals("Alice Meyer", name.getText());
        assertTrue(showing(robot.lookup("#verifiedBadge").query()));

        robot.clickOn("#chatInput").write("My printer is broken").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("My printer is broken"), h.sent);
        assertTrue(robot.lookup(".bubble.mine .bubble-text").queryAs(Label.class).getText().contains("printer"));

        h.listener.onChat(new ChatLine("Let me have a look", Instant.now(), false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Let me have a look", robot.lookup(".bubble.theirs .bubble-text").queryAs(Label.class).getText());

        robot.clickOn("#endSession");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(h.ended);
        assertTrue(showing(robot.lookup("#getHelpAgain").query()));
    }

    @Test
    void untrustedTechnicianGetsTheRedWarning(FxRobot robot) {
        robot.clickOn("#getHelp");
        WaitForAsyncUtils.waitForFxEvents();
        sessions.last().listener.onSecured(
                new PeerInfo("Mallory", "Evil Corp", PeerInfo.Trust.UNTRUSTED, "certificate not signed by ACME Support"));
        WaitForAsyncUtils.waitForFxEvents();
        Node warning = robot.lookup("#untrustedWarning").query();
        assertTrue(showing(warning));
        assertTrue(warning.getStyleClass().contains("danger"));
        assertTrue(robot.lookup("#untrustedWarning .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("ACME Support") && l.getText().contains("Mallory")));
        assertTrue(robot.lookup("#verifiedBadge").tryQuery().isEmpty());
    }

    @Test
    void languageSwitchChangesTheTextsLive(FxRobot robot) {
        Button help = robot.lookup("#getHelp").queryButton();
        assertEquals("Get help", help.getText());
        @SuppressWarnings("unchecked")
        ComboBox<Locale> picker = robot.lookup("#languagePicker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(Locale.GERMAN));
        assertEquals("Hilfe holen", help.getText());
        assertEquals(Locale.GERMAN, messages.locale());
    }
}
