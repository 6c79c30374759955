package dev.lifeline.client.clipboard;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * This machine's clipboard, text only. Calls return at once; the work happens on the thread the
 * toolkit wants (the FX thread for JavaFX), so the session thread never blocks on it. A machine
 * without a clipboard fails the futures with {@link ClipboardUnavailableException}.
 */
public interface SystemClipboard {
    /** The text on the clipboard; empty when it holds none (an image, nothing). */
    CompletableFuture<Optional<String>> readText();

    CompletableFuture<Void> writeText(String text);
}
