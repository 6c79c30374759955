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
            try {
                return read();
            } catch (ClipboardUnavailableException | TextGone e) {
                // An X selection owner now and then refuses or botches one conversion (busy with
                // another program's transfer, just taken over); a second request a moment later works.
                pause();
                try {
                    return read();
                } catch (TextGone stillGone) {
                    return Optional.empty();
                }
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

    private static void pause() {
        try {
            Thread.sleep(100);
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
