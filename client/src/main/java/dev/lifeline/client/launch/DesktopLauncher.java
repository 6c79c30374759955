package dev.lifeline.client.launch;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.TechnicianIdentities;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the JavaFX toolkit and opens the windows asked for. JavaFX allows one launch per
 * process, so the demo asks for both windows in one go.
 */
public final class DesktopLauncher extends Application {
    /** What to open: either or both of the apps, and what to close when the last window closes. */
    public record Windows(CustomerSessions getHelp, String pinnedOrganisation, TechnicianIdentities console,
                          Path identityToLoad, Locale locale, Runnable onExit) {
    }

    private static final AtomicReference<Windows> REQUESTED = new AtomicReference<>();

    /** Blocks until the last window is closed. */
    public static void launch(Windows windows) {
        REQUESTED.set(windows);
        Application.launch(DesktopLauncher.class);
    }

    @Override
    public void start(Stage primary) {
        Windows windows = REQUESTED.get();
        Stage first = primary;
        if (windows.console() != null) {
            ConsoleApp.show(first, windows.console(), windows.identityToLoad(), windows.locale());
            first = null;
        }
        if (windows.getHelp() != null) {
            Stage stage = first != null ? first : new Stage();
            GetHelpApp.show(stage, windows.getHelp(), windows.locale(), windows.pinnedOrganisation());
            if (first == null) {
                // Side by side on one screen, so the demo shows both at once.
                stage.setX(primary.getX() + primary.getWidth() + 24);
                stage.setY(primary.getY());
            }
        }
        Platform.setImplicitExit(true);
    }

    @Override
    public void stop() {
        Windows windows = REQUESTED.get();
        if (windows != null && windows.onExit() != null) {
            windows.onExit().run();
        }
    }
}
