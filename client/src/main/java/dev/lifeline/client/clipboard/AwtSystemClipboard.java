package dev.lifeline.client.clipboard;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The system clipboard through AWT, for the headless apps on a machine with a display. AWT's
 * clipboard may block while another program answers a selection request, so every call runs on
 * its own daemon thread, never the session's.
 */
public final class AwtSystemClipboard implements SystemClipboard {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lifeline-clipboard");
        t.setDaemon(true);
        return t;
    });

    @Override
    public CompletableFuture<Optional<String>> readText() {
        return call(() -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    return read();
                } catch (ClipboardUnavailableException e) {
                    // An X selection owner now and then refuses or botches one conversion (busy with
                    // another program's transfer, just taken over); a second request a moment later works.
                    if (attempt >= 1) {
                        throw e;
                    }
                } catch (TextGone e) {
                    // AWT learns of a new owner from an X event, which on a busy machine arrives after
                    // the owner took over; until then it sees no text. Ask again, for up to 0.7 s.
                    if (attempt >= 3) {
                        return Optional.empty();
                    }
                }
                pause(100L << attempt);
            }
        });
    }

    /**
     * Asks only for text: getContents would fetch every format the owner offers (UTF8_STRING,
     * STRING, TEXT…), a large text several times over, and turn a failed fetch into "no text".
     */
    private static Optional<String> read() throws TextGone {
        Clipboard clipboard = clipboard();
        if (!clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
            throw new TextGone();
        }
        try {
            return Optional.of((String) clipboard.getData(DataFlavor.stringFlavor));
        } catch (UnsupportedFlavorException e) {
            throw new TextGone();
        } catch (IOException e) {
            throw new ClipboardUnavailableException("the clipboard's text cannot be read", e);
        }
    }

    /** No text on the clipboard (or no longer, when the owner changed between the two questions). */
    private static final class TextGone extends Exception {
        TextGone() {
            super(null, null, false, false);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<Void> writeText(String text) {
        return call(() -> {
            StringSelection selection = new StringSelection(text);
            clipboard().setContents(selection, selection);
            return null;
        });
    }

    private static Clipboard clipboard() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new ClipboardUnavailableException("no display, so no clipboard", null);
        }
        try {
            return Toolkit.getDefaultToolkit().getSystemClipboard();
        } catch (RuntimeException | Error e) {
            throw new ClipboardUnavailableException("no system clipboard", e);
        }
    }

    private static <T> CompletableFuture<T> call(Supplier<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return body.get();
            } catch (ClipboardUnavailableException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw new ClipboardUnavailableException("the clipboard failed: " + e.getClass().getSimpleName(), e);
            }
        }, THREAD);
    }
}
