package dev.lifeline.client.launch;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.FxSystemClipboard;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.firststart.FirstStartView;
import dev.lifeline.client.firststart.FirstStartViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.theme.Theme;
import dev.lifeline.common.identity.OrganisationRoot;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Get Help's window on first start without an organisation bundle: it asks for the relay, saves
 * it, and then shows Get Help in the same window (JavaFX allows one launch per process).
 */
public final class FirstStartLauncher extends Application {
    record Request(Path configDir, OrganisationRoot root, ScreenSources screens, Locale locale) {
    }

    private static final AtomicReference<Request> REQUESTED = new AtomicReference<>();
    private static final AtomicReference<RelayClient> CLIENT = new AtomicReference<>();

    /** Blocks until the window is closed. */
    static void launch(Request request) {
        REQUESTED.set(request);
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
        RelayClient client = new RelayClient(endpoint);
        CLIENT.set(client);
        GetHelpApp.show(stage, client.customerSessions(request.root(), request.screens(), ControlDevices.robot(),
                client.defaultDiagnostics(), new FxSystemClipboard()), request.locale(),
                request.root() == null ? null : request.root().organisation());
    }

    @Override
    public void stop() {
        RelayClient client = CLIENT.getAndSet(null);
        if (client != null) {
            client.close();
        }
    }
}
