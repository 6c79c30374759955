package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.pairing.SessionCode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Get Help's consent card and the grant chips in the banner, in a real window. */
@ExtendWith(ApplicationExtension.class)
class ConsentChipsViewTest {
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private GetHelpViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new GetHelpViewModel(sessions, Platform::runLater, Clock.systemUTC(), "ACME Support");
        stage.setScene(GetHelpApp.createScene(vm, new Messages(Locale.ENGLISH)));
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
    void askThenChipThenOneClickRevoke(FxRobot robot) {
        robot.interact(vm::getHelp);
        FakeHandle h = sessions.last();
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        h.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        h.listener.onConsentRequested(new ConsentPrompt(Set.of(Capability.CLIPBOARD), "to paste the licence key"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#capabilityConsent").query()));
        assertEquals("Alice Meyer (ACME Support) asks for permission to:",
                robot.lookup("#capabilityConsentText").queryAs(Label.class).getText());
        assertEquals("Reason given: to paste the licence key",
                robot.lookup("#capabilityConsentReason").queryAs(Label.class).getText());
        robot.clickOn("#allowCapabilities");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("grant:CLIPBOARD"), h.consentCalls);
        assertFalse(showing(robot.lookup("#capabilityConsent").query()));

        h.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.CLIPBOARD, ConsentStatus.GRANTED), Optional.empty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#chip-CLIPBOARD").query()));
        robot.clickOn("#revoke-CLIPBOARD");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("grant:CLIPBOARD", "revoke:CLIPBOARD"), h.consentCalls);
        assertTrue(robot.lookup("#chip-CLIPBOARD").tryQuery().isEmpty(), "the chip is gone at once");

        h.listener.onRefused(new Refusal(Capability.CLIPBOARD, "CLIPBOARD", 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#consentRefused").query()));
        assertEquals("Blocked 1 action(s) you had not allowed", robot.lookup("#consentRefused").queryAs(Label.class).getText());
    }
}
