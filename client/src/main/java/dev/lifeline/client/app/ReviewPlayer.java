package dev.lifeline.client.app;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.player.PlaybackException;
import dev.lifeline.client.player.RecordingFetch;
import dev.lifeline.client.review.ReviewViewModel;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.wire.review.SessionRow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Play recording" in the lead's workspace: asks for the lead's recording key file and its
 * passphrase, fetches the recording over the relay as {@code console --play SESSION_ID} does
 * (signed with the key's fetch key), and opens the existing player on it. The fetch runs off the
 * FX thread; the temporary file is deleted when the player closes.
 */
public final class ReviewPlayer implements ReviewViewModel.RecordingOpener {
    private final RelayEndpoint endpoint;
    private final Executor io;
    private final Locale locale;
    private final java.util.function.Supplier<Window> owner;
    private Path lastKey;

    public ReviewPlayer(RelayEndpoint endpoint, Executor io, Locale locale, java.util.function.Supplier<Window> owner) {
        this.endpoint = endpoint;
        this.io = io;
        this.locale = locale;
        this.owner = owner;
    }

    @Override
    public void open(SessionRow session) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Recording key file");
        if (lastKey != null && lastKey.getParent() != null) {
            chooser.setInitialDirectory(lastKey.getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(owner.get());
        if (chosen == null) {
            return;
        }
        Path keyFile = chosen.toPath();
        lastKey = keyFile;
        Optional<char[]> passphrase = askPassphrase(keyFile);
        if (passphrase.isEmpty()) {
            return;
        }
        char[] secret = passphrase.get();
        io.execute(() -> {
            Path file = null;
            try {
                RecordingKeyPair key = RecordingKeyPair.loadKeyFile(keyFile, secret.clone());
                file = Files.createTempFile("lifeline-recording", ".llrec");
                try {
                    RecordingFetch.fetch(endpoint, session.getRelaySessionId(), key, file, Clock.systemUTC(), p -> { });
                } finally {
                    key.destroy();
                }
                Path fetched = file;
                Platform.runLater(() -> {
                    Stage stage = new Stage();
                    stage.setOnHidden(e -> delete(fetched));
                    PlayerApp.show(stage, fetched, keyFile, secret, locale);
                });
            } catch (IdentityException | IOException | PlaybackException | RuntimeException e) {
                delete(file);
                Arrays.fill(secret, '\0');
                String why = String.valueOf(e.getMessage());
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, "The recording could not be opened: " + why,
                        ButtonType.OK).show());
            }
        });
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the OS cleans it up
            }
        }
    }

    private Optional<char[]> askPassphrase(Path keyFile) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Lifeline");
        dialog.setHeaderText("Passphrase for " + keyFile.getFileName());
        PasswordField field = new PasswordField();
        field.setId("reviewKeyPassphrase");
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
