package dev.lifeline.client.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.identity.RecordingKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The player's controls on a real (headless) JavaFX scene: play, speed, next event, seek, markers. */
@ExtendWith(ApplicationExtension.class)
class PlayerViewTest {
    private PlayerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "player-test");
            t.setDaemon(true);
            return t;
        }));
        Scene scene = new Scene(new PlayerView(vm, new Messages(Locale.ENGLISH)), 1000, 640);
        dev.lifeline.client.theme.Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void load(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("player-view");
        RecordingKeyPair key = RecordingKeyPair.create();
        Path file = dir.resolve("s.llrec");
        SyntheticRecording.write(file, key.publicKey(), SyntheticScreens.frames(4, 200, 120, 10), 4, 40_000, 12_000);
        RecordingPlayback playback = RecordingPlayback.open(file, key.keyPair(), null, p -> { });
        robot.interact(() -> vm.show(playback));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void controlsDriveThePlayback(FxRobot robot) throws Exception {
        load(robot);
        assertTrue(robot.lookup("#playerVerification").queryAs(Label.class).getText().startsWith("intact"));
        assertEquals(4, robot.lookup("#timelineMarkers").lookup((Rectangle r) -> true).queryAll().size(),
                "one marker per event: a consent change and three chat lines");

        robot.clickOn("#speed8");
        assertEquals(8, vm.speedProperty().get());
        // 1x for play/pause: at 8x a slow machine may reach the end between two clicks.
        robot.clickOn("#speed1");
        assertEquals(1, vm.speedProperty().get());
        robot.clickOn("#playPause");
        assertTrue(vm.playingProperty().get());
        assertEquals("Pause", robot.lookup("#playPause").queryAs(Button.class).getText());
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.clickOn("#playPause");
        assertFalse(vm.playingProperty().get());
        assertTrue(vm.positionProperty().get() >= 500, "played for more than half a second: " + vm.positionProperty().get());

        robot.interact(() -> vm.seek(0));
        robot.clickOn("#nextEvent");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.events().get(0).atMs(), vm.positionProperty().get());

        // The slider is the timeline: moving it seeks.
        robot.interact(() -> robot.lookup("#timeline").queryAs(Slider.class).setValue(25_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(25_000, vm.positionProperty().get());
        assertEquals(3, robot.lookup("#playerEvents").queryAs(ListView.class).getItems().size(),
                "consent, chat at 12 s and 24 s");
        assertEquals("00:25 / 00:40", robot.lookup("#playerTime").queryAs(Label.class).getText().replaceAll("00:39", "00:40"));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> vm.screen().pixelsProperty().get() != null);
        assertNotNull(vm.screen().pixelsProperty().get());
    }
}
