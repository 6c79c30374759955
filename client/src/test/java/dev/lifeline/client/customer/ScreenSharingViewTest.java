package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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

@ExtendWith(ApplicationExtension.class)
class ScreenSharingViewTest {
    private static final PeerInfo ALICE = new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, "");
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

    private FakeHandle securedWith(FxRobot robot, PeerInfo technician) {
        robot.interact(vm::getHelp);
        FakeHandle h = sessions.last();
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        h.listener.onSecured(technician);
        WaitForAsyncUtils.waitForFxEvents();
        return h;
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void consentCardNamesTheTechnicianAndAllowAnswersYes(FxRobot robot) {
        FakeHandle h = securedWith(robot, ALICE);
        assertFalse(showing(robot.lookup("#screenConsent").query()));

        h.listener.onScreenRequested();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#screenConsent").query()));
        assertEquals("Alice Meyer (ACME Support) wants to see your screen. They will see everything on it but cannot "
                + "control it.", text(robot, "#screenConsentText"));
        assertTrue(showing(robot.lookup("#screenConsentVerified").query()));

        robot.clickOn("#allowScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("answer:true"), h.screenCalls);
        assertFalse(showing(robot.lookup("#screenConsent").query()));
    }

    @Test
    void dontAllowAnswersNo(FxRobot robot) {
        FakeHandle h = securedWith(robot, ALICE);
        h.listener.onScreenRequested();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#denyScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("answer:false"), h.screenCalls);
        assertEquals("You did not allow screen sharing.", text(robot, "#screenNoticeText"));
        robot.clickOn("#dismissScreenNotice");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#screenNotice").query()));
    }

    @Test
    void unverifiedTechniciansAreFlaggedOnTheConsentCard(FxRobot robot) {
        FakeHandle h = securedWith(robot, new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.NO_PINNED_ROOT, ""));
        h.listener.onScreenRequested();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#screenConsentNotVerified").query()));
        robot.clickOn("#endSession");
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(vm::getHelpAgain);
        FakeHandle m = sessions.last();
        m.listener.onSecured(new PeerInfo("Mallory", "Evil Corp", PeerInfo.Trust.UNTRUSTED, "not signed"));
        m.listener.onScreenRequested();
        WaitForAsyncUtils.waitForFxEvents();
        Node warning = robot.lookup("#screenConsentUntrusted").query();
        assertTrue(showing(warning));
        assertTrue(warning.getStyleClass().contains("danger"));
        assertTrue(text(robot, "#screenConsentText").startsWith("Mallory (Evil Corp) wants to see your screen."));
    }

    @Test
    void bannerPauseResumeStopCallTheSession(FxRobot robot) {
        FakeHandle h = securedWith(robot, ALICE);
        h.sharing(FakeSessions.monitor(0, 1920, 1080));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#screenBanner").query()));
        assertEquals("Alice Meyer can see your screen", text(robot, "#screenBannerText"));

        robot.clickOn("#pauseScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Screen sharing paused", text(robot, "#screenBannerText"));
        assertTrue(robot.lookup("#screenBanner").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("paused")));
        robot.clickOn("#resumeScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice Meyer can see your screen", text(robot, "#screenBannerText"));
        robot.clickOn("#stopScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pause", "resume", "stop"), h.screenCalls);
        assertFalse(showing(robot.lookup("#screenBanner").query()));
        assertEquals("Screen sharing has stopped. Your technician can no longer see your screen.",
                text(robot, "#screenNoticeText"));
    }

    @Test
    void unavailableSaysWhy(FxRobot robot) {
        FakeHandle h = securedWith(robot, ALICE);
        h.screenState(Status.UNAVAILABLE, "Wayland session without a screen-capture portal");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#screenNotice").query()));
        assertEquals("Your screen cannot be shared: Wayland session without a screen-capture portal",
                text(robot, "#screenNoticeText"));
    }
}
