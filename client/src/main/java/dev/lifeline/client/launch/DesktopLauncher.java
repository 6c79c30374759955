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
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
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
                placeSideBySide(primary, stage);
            }
        }
        Platform.setImplicitExit(true);
    }

    /** The demo shows both windows at once: side by side, centred on the primary screen. */
    private static void placeSideBySide(Stage left, Stage right) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double gap = 24;
        double width = left.getWidth() + gap + right.getWidth();
        double x = screen.getMinX() + Math.max(0, (screen.getWidth() - width) / 2);
        double y = screen.getMinY() + Math.max(0, (screen.getHeight() - Math.max(left.getHeight(), right.getHeight())) / 2);
        left.setX(x);
        left.setY(y);
        right.setX(Math.min(x + left.getWidth() + gap, screen.getMaxX() - right.getWidth()));
        right.setY(y);
    }

    @Override
    public void stop() {
        Windows windows = REQUESTED.get();
        if (windows != null && windows.onExit() != null) {
            windows.onExit().run();
        }
    }
}
