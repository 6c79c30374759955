package dev.lifeline.client.launch;

import dev.lifeline.client.app.PlayerApp;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** {@code console --play FILE --recording-key KEY} with a window: the recording player on its own. */
public final class PlayerLauncher extends Application {
    record Request(Path recording, Path keyFile, char[] passphrase, Locale locale) {
    }

    private static final AtomicReference<Request> REQUESTED = new AtomicReference<>();

    static void launch(Request request) {
        REQUESTED.set(request);
        Application.launch(PlayerLauncher.class);
    }

    @Override
    public void start(Stage stage) {
        Request request = REQUESTED.get();
        PlayerApp.show(stage, request.recording(), request.keyFile(), request.passphrase(), request.locale());
        Platform.setImplicitExit(true);
    }
}
