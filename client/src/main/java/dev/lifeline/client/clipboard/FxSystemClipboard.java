package dev.lifeline.client.clipboard;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The system clipboard through JavaFX, for the windowed apps. JavaFX allows clipboard access only
 * on the FX thread: calls from any other thread (the session's) are moved there.
 */
public final class FxSystemClipboard implements SystemClipboard {
    @Override
    public CompletableFuture<Optional<String>> readText() {
        return onFx(() -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
        });
    }

    @Override
    public CompletableFuture<Void> writeText(String text) {
        return onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            if (!Clipboard.getSystemClipboard().setContent(content)) {
                throw new ClipboardUnavailableException("the clipboard refused the text", null);
            }
            return null;
        });
    }

    private static <T> CompletableFuture<T> onFx(Supplier<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(body.get());
            } catch (ClipboardUnavailableException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(new ClipboardUnavailableException("the clipboard failed: "
                        + e.getClass().getSimpleName(), e));
            }
        };
        if (Platform.isFxApplicationThread()) {
            run.run();
        } else {
            try {
                Platform.runLater(run);
            } catch (IllegalStateException e) {
                result.completeExceptionally(new ClipboardUnavailableException("JavaFX is not running", e));
            }
        }
        return result;
    }
}
