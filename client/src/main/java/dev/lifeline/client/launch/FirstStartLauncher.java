package dev.lifeline.client.launch;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.firststart.FirstStartView;
import dev.lifeline.client.firststart.FirstStartViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.nativeinput.NativeHook;
import dev.lifeline.client.theme.Theme;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Get Help's window on first start without an organisation bundle: it asks for the relay, saves
 * it, and then shows Get Help in the same window (JavaFX allows one launch per process).
 */
public final class FirstStartLauncher extends Application {
    /** Where to save the relay, the language, and Get Help as it opens once the relay is known. */
    record Request(Path configDir, Locale locale, Function<RelayEndpoint, DesktopLauncher.Windows> getHelpFor) {
    }

    private static final AtomicReference<Request> REQUESTED = new AtomicReference<>();
    private static final AtomicReference<DesktopLauncher.Windows> OPENED = new AtomicReference<>();

    /** Blocks until the window is closed. */
    static void launch(Request request) {
        REQUESTED.set(request);
        EarlyToolkit.awaitStarted();
        Application.launch(FirstStartLauncher.class);
    }

    @Override
    public void start(Stage stage) {
        Request request = REQUESTED.get();
        Messages messages = new Messages(request.locale());
        FirstStartViewModel vm = new FirstStartViewModel(request.configDir(), endpoint -> showGetHelp(stage, request, endpoint));
        Scene scene = new Scene(new FirstStartView(vm, messages), GetHelpApp.WIDTH, GetHelpApp.HEIGHT);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(messages.text("gethelp.windowTitle"));
        stage.show();
        Platform.setImplicitExit(true);
    }

    private static void showGetHelp(Stage stage, Request request, RelayEndpoint endpoint) {
        stage.titleProperty().unbind();
        DesktopLauncher.Windows windows = request.getHelpFor().apply(endpoint);
        OPENED.set(windows);
        DesktopLauncher.showGetHelp(stage, windows);
    }

    @Override
    public void stop() {
        DesktopLauncher.Windows windows = OPENED.getAndSet(null);
        if (windows != null && windows.onExit() != null) {
            windows.onExit().run();
        }
        NativeHook.shared().stop();
    }
}
