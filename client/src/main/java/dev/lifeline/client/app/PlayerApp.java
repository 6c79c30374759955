package dev.lifeline.client.app;

import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.player.PlayerView;
import dev.lifeline.client.player.PlayerViewModel;
import dev.lifeline.client.theme.Theme;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;

/** Puts the recording player on a stage and opens a recording with the lead's key file. */
public final class PlayerApp {
    public static final double WIDTH = 1100;
    public static final double HEIGHT = 720;

    private PlayerApp() {
    }

    /**
     * Shows the player and opens {@code recording} with {@code keyFile}; without a passphrase the
     * window asks for it. Call on the FX thread.
     */
    public static PlayerViewModel show(Stage stage, Path recording, Path keyFile, char[] passphraseOrNull, Locale locale) {
        Messages messages = new Messages(locale == null ? Locale.getDefault() : locale);
        ExecutorService tasks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "player-tasks");
            t.setDaemon(true);
            return t;
        });
        PlayerViewModel vm = new PlayerViewModel(Platform::runLater, tasks);
        PlayerView view = new PlayerView(vm, messages);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(messages.text("player.windowTitle"));
        stage.setOnHidden(e -> {
            view.stop();
            vm.close();
            tasks.shutdown();
        });
        stage.show();
        char[] passphrase = passphraseOrNull;
        if (passphrase == null) {
            passphrase = askPassphrase(stage, keyFile).orElse(null);
            if (passphrase == null) {
                stage.close();
                return vm;
            }
        }
        vm.open(recording, keyFile, passphrase);
        return vm;
    }

    private static Optional<char[]> askPassphrase(Stage owner, Path keyFile) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Lifeline");
        dialog.setHeaderText("Passphrase for " + keyFile.getFileName());
        PasswordField field = new PasswordField();
        field.setId("recordingKeyPassphrase");
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
