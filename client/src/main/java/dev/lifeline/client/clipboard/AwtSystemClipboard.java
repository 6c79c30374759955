package dev.lifeline.client.clipboard;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
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
            Transferable content = clipboard().getContents(null);
            if (content == null || !content.isDataFlavorSupported(DataFlavor.stringFlavor)) {
                return Optional.empty();
            }
            try {
                return Optional.of((String) content.getTransferData(DataFlavor.stringFlavor));
            } catch (Exception e) {
                throw new ClipboardUnavailableException("the clipboard's text cannot be read", e);
            }
        });
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
