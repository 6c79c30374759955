package dev.lifeline.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.testing.FakeSessions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AppEntryPointsTest {
    private final FakeSessions.Customer customer = new FakeSessions.Customer();
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private Stage helpStage;
    private Stage consoleStage;
    private GetHelpViewModel help;
    private ConsoleViewModel console;

    @Start
    void start(Stage stage) {
        helpStage = stage;
        help = GetHelpApp.show(stage, customer, new Locale("nl", "NL"), "ACME Support");
        consoleStage = new Stage();
        console = ConsoleApp.show(consoleStage, identities, Path.of("alice.id"), Locale.GERMANY);
    }

    @Test
    void bothWindowsOpenLocalisedAndTheIdentityIsPreloaded(FxRobot robot) throws Exception {
        assertEquals("Lifeline Hulp vragen", helpStage.getTitle());
        assertEquals("Lifeline Konsole", consoleStage.getTitle());
        assertEquals(GetHelpApp.WIDTH, helpStage.getScene().getWidth());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> console.technicianProperty().get() != null);
        assertEquals("Alice Meyer", console.technicianProperty().get().name());

        robot.interact(help::getHelp);
        assertEquals(1, customer.started.size());
        robot.interact(helpStage::close);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(customer.last().ended, "closing the window ends the session");
    }
}
