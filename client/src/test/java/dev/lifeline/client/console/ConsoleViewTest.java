package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.IdentityLoadException;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private ConsoleViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ConsoleViewModel(identities, Runnable::run, Platform::runLater, Clock.systemUTC());
        stage.setScene(ConsoleApp.createScene(vm, new Messages(Locale.ENGLISH)));
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
    void loadIdentityTypeCodeJoinAndChatInTheTab(FxRobot robot) {
        robot.interact(() -> vm.loadIdentity(Path.of("alice.id"), new char[0]));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice Meyer", robot.lookup("#identityName").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#identityDetail").queryAs(Label.class).getText().contains("ACME Support"));

        robot.clickOn("#codeField").write("41829");
        robot.clickOn("#join");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("That is not a valid code. It has the number, then six digits.",
                robot.lookup("#codeError").queryAs(Label.class).getText());
        assertTrue(identities.sessions.joined.isEmpty());

        robot.clickOn("#codeField").write("0573");
        robot.clickOn("#join");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, identities.sessions.joined.size());
        FakeHandle h = identities.sessions.last();
        assertEquals(SessionCode.parse("418 290 573"), h.code);
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        assertEquals(1, tabs.getTabs().size());
        assertEquals("418 · 290 573", tabs.getTabs().get(0).getText());

        h.listener.onSecured(PeerInfo.customer("Bob"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Bob", tabs.getTabs().get(0).getText());
        assertTrue(showing(robot.lookup("#e2eBadge").query()));

        robot.clickOn("#chatInput").write("Hello Bob").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Hello Bob"), h.sent);
        h.listener.onChat(new ChatLine("Hi, thanks!", Instant.now(), false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hi, thanks!", robot.lookup(".bubble.theirs .bubble-text").queryAs(Label.class).getText());

        h.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The customer ended the session.", robot.lookup("#endedReason").queryAs(Label.class).getText());
        assertEquals("Bob (ended)", tabs.getTabs().get(0).getText());
    }

    @Test
    void identityErrorIsShownAndTranslated(FxRobot robot) {
        identities.failWith = IdentityLoadException.Problem.EXPIRED;
        robot.interact(() -> vm.loadIdentity(Path.of("old.id"), new char[0]));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#identityError").queryAs(Label.class);
        assertTrue(showing(error));
        assertEquals("This identity has expired. Ask your administrator for a new one.", error.getText());
        @SuppressWarnings("unchecked")
        ComboBox<Locale> picker = robot.lookup("#languagePicker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(Locale.GERMAN));
        assertEquals("Diese Identität ist abgelaufen. Bitten Sie Ihren Administrator um eine neue.", error.getText());
    }

    @Test
    void afterTheSessionTheConsoleSaysWhereTheReportWentAndWhatASignInFiled(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // Not signed in: the report is kept on this computer only, and the Console says so with the file.
        robot.interact(() -> vm.setReports(new dev.lifeline.client.report.FileReportStore(dir, java.time.ZoneOffset.UTC)));
        robot.interact(() -> vm.loadIdentity(Path.of("alice.id"), new char[0]));
        robot.clickOn("#codeField").write("418290573");
        robot.clickOn("#join");
        WaitForAsyncUtils.waitForFxEvents();
        FakeHandle h = identities.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.sessions().get(0).endWith(dev.lifeline.common.wire.report.Outcome.newBuilder()
                .setKind(dev.lifeline.common.wire.report.Outcome.Kind.RESOLVED_REMOTELY).setNotes("printer driver reinstalled").build()));
        WaitForAsyncUtils.waitForFxEvents();
        String id = vm.sessions().get(0).reportProperty().get().getReportId();
        Label saved = robot.lookup("#reportSaved").queryAs(Label.class);
        assertTrue(showing(saved));
        assertEquals("Report saved on this computer only (you are not signed in, so the team’s records do not have it): "
                + dir.resolve(id + ".pdf"), saved.getText());
        assertTrue(java.nio.file.Files.exists(dir.resolve(id + ".pdf")), "the file it names is there");

        // A later sign-in filed two reports kept here; the relay refused one it cannot attribute.
        robot.interact(() -> vm.reportsUploaded(new dev.lifeline.client.report.RelayReportStore.Upload(2, List.of(id), 0, "", dir)));
        Label upload = robot.lookup("#reportUpload").queryAs(Label.class);
        assertTrue(showing(upload));
        assertEquals("2 report(s) kept on this computer are now in the team’s records. 1 report(s) stay on this computer only:"
                + " the relay does not know you ran those sessions (joined without signing in). Folder: " + dir, upload.getText());
        String shots = System.getProperty("lifeline.screenshots");
        if (shots != null) {
            java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot = new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> shot.set(saved.getScene().snapshot(null)));
            javafx.scene.image.WritableImage img = shot.get();
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img.getWidth(), (int) img.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            javax.imageio.ImageIO.write(out, "png", Path.of(shots, "console-report-saved.png").toFile());
        }
        robot.interact(() -> vm.reportsUploaded(null));
        assertTrue(!showing(upload), "dismissed");
    }
}
