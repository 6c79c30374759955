package dev.lifeline.client.firststart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first-start question of a Get Help without a bundle, in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class FirstStartViewTest {
    @TempDir
    static Path config;
    private final List<RelayEndpoint> connected = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        FirstStartViewModel vm = new FirstStartViewModel(config, connected::add);
        Scene scene = new Scene(new FirstStartView(vm, new Messages(Locale.ENGLISH)), 440, 640);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typingTheAddressAndContinuingSavesIt(FxRobot robot) throws Exception {
        Label problem = robot.lookup("#firstStartProblem").queryAs(Label.class);
        assertFalse(problem.isVisible());
        robot.clickOn("#firstStartConnect");
        assertTrue(problem.isVisible());
        assertEquals("Please enter the relay address.", problem.getText());

        robot.clickOn("#relayAddress").write("relay.acme.example:8443");
        robot.clickOn("#firstStartConnect");
        assertFalse(problem.isVisible());
        assertEquals(List.of(new RelayEndpoint("relay.acme.example", 8443, null)), connected);
        assertTrue(Files.readString(config.resolve(SavedRelay.FILE)).contains("relay=relay.acme.example\\:8443"));
    }
}
