package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RemoteScreenViewTest {
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private ConsoleViewModel vm;
    private Messages messages;

    @Start
    void start(Stage stage) {
        vm = new ConsoleViewModel(identities, Runnable::run, Platform::runLater, Clock.systemUTC());
        messages = new Messages(Locale.ENGLISH);
        stage.setScene(ConsoleApp.createScene(vm, messages));
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

    private FakeHandle securedSession(FxRobot robot) {
        robot.interact(() -> {
            vm.loadIdentity(Path.of("alice.id"), new char[0]);
            vm.codeInputProperty().set("418 290 573");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(vm::join);
        FakeHandle h = identities.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob"));
        WaitForAsyncUtils.waitForFxEvents();
        return h;
    }

    private String status(FxRobot robot) {
        return robot.lookup("#screenStatus").queryAs(Label.class).getText();
    }

    private static PixelReader shownPicture(FxRobot robot) {
        return ((WritableImage) robot.lookup("#screenCanvas .image-view").queryAs(ImageView.class).getImage())
                .getPixelReader();
    }

    @Test
    void viewScreenAsksThenShowsTheStates(FxRobot robot) {
        FakeHandle h = securedSession(robot);
        assertEquals("See what the customer sees. They are asked first and can pause or stop at any time.", status(robot));
        robot.clickOn("#viewScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("request"), h.screenCalls);
        assertEquals("Waiting for the customer to allow screen sharing…", status(robot));
        assertTrue(showing(robot.lookup("#stopViewing").query()), "a request can be withdrawn");

        h.screenState(Status.DENIED, "");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The customer did not allow screen sharing.", status(robot));
        assertTrue(showing(robot.lookup("#viewScreen").query()));

        h.screenState(Status.UNAVAILABLE, "Wayland session without a screen-capture portal");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The customer’s screen cannot be shared: Wayland session without a screen-capture portal",
                status(robot));
    }

    @Test
    void framesAppearInTheImageAndOnlyTheChangedPartIsTakenOver(FxRobot robot) {
        FakeHandle h = securedSession(robot);
        robot.clickOn("#viewScreen");
        h.sharing(FakeSessions.monitor(0, 64, 48));
        ScreenImage live = FakeSessions.solid(64, 48, 0x2080C0);
        h.pushFrame(live, new ScreenRect(0, 0, 64, 48), 10, 12);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, h.framesDrawn.get());
        assertTrue(showing(robot.lookup("#screenScroll").query()));
        PixelReader picture = shownPicture(robot);
        assertEquals(0xFF2080C0, picture.getArgb(0, 0));
        assertEquals(0xFF2080C0, picture.getArgb(63, 47));
        assertTrue(showing(robot.lookup("#remoteCursor").query()));

        // The decoder paints into its live buffer and reports the rectangle it changed.
        for (int y = 10; y < 20; y++) {
            for (int x = 30; x < 40; x++) {
                live.pixels()[y * 64 + x] = 0xFF0000;
            }
        }
        live.pixels()[0] = 0x00FF00; // outside the reported rectangle: not taken over
        h.pushFrame(live, new ScreenRect(30, 10, 10, 10), 35, 15);
        WaitForAsyncUtils.waitForFxEvents();
        picture = shownPicture(robot);
        assertEquals(0xFFFF0000, picture.getArgb(30, 10));
        assertEquals(0xFFFF0000, picture.getArgb(39, 19));
        assertEquals(0xFF2080C0, picture.getArgb(40, 19));
        assertEquals(0xFF2080C0, picture.getArgb(0, 0));
        assertEquals(2, h.framesDrawn.get());

        // A new size: a new image.
        h.pushFrame(FakeSessions.solid(80, 50, 0x102030), new ScreenRect(0, 0, 80, 50), 0, 0);
        WaitForAsyncUtils.waitForFxEvents();
        picture = shownPicture(robot);
        assertEquals(0xFF102030, picture.getArgb(79, 49));
        ImageView view = robot.lookup("#screenCanvas .image-view").queryAs(ImageView.class);
        assertEquals(80, view.getImage().getWidth());

        robot.clickOn("#actualSize");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(80, view.getFitWidth(), 0.01, "1:1 shows every pixel");
        robot.clickOn("#fitToWindow");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getFitWidth() > 80, "fit scales the small picture up to the window");

        robot.clickOn("#stopViewing");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(h.screenCalls.contains("stopViewing"));
        assertFalse(showing(robot.lookup("#screenScroll").query()));
        assertEquals("Screen sharing has stopped.", status(robot));
    }

    @Test
    void qualityMonitorAndStats(FxRobot robot) {
        FakeHandle h = securedSession(robot);
        robot.clickOn("#viewScreen");
        MonitorInfo second = FakeSessions.monitor(1, 1280, 1024);
        h.sharing(FakeSessions.monitor(0, 1920, 1080), second);
        h.pushFrame(FakeSessions.solid(32, 18, 0), new ScreenRect(0, 0, 32, 18), 0, 0);
        h.listener.onScreenStats(new ScreenStats(24.2, 38, 150_000));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("24 fps · 38 ms · 1.2 Mbit/s", robot.lookup("#screenStats").queryAs(Label.class).getText());
        robot.clickOn("#qualitySHARP");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("quality:SHARP", h.screenCalls.get(h.screenCalls.size() - 1));

        @SuppressWarnings("unchecked")
        ComboBox<MonitorInfo> picker = robot.lookup("#monitorPicker").queryAs(ComboBox.class);
        assertTrue(showing(picker), "two monitors: the picker shows");
        robot.interact(() -> picker.getSelectionModel().select(second));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("monitor:1", h.screenCalls.get(h.screenCalls.size() - 1));

        // The session's own report moves the switch and calls nothing back.
        int calls = h.screenCalls.size();
        h.listener.onScreenShare(new dev.lifeline.client.screen.ScreenShareState(Status.SHARING,
                List.of(FakeSessions.monitor(0, 1920, 1080), second), 1, dev.lifeline.common.screen.Quality.FAST, ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#qualityFAST").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#qualitySHARP").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals(calls, h.screenCalls.size(), "no echo to the session: " + h.screenCalls);

        h.listener.onScreenStats(new ScreenStats(9.6, 120, 40_000));
        robot.interact(() -> messages.localeProperty().set(Locale.GERMAN));
        assertEquals("10 fps · 120 ms · 320 kbit/s", robot.lookup("#screenStats").queryAs(Label.class).getText());
        h.listener.onScreenStats(new ScreenStats(30, 20, 1_500_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("30 fps · 20 ms · 12,0 Mbit/s", robot.lookup("#screenStats").queryAs(Label.class).getText());
    }
}
