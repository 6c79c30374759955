package dev.lifeline.client.clipboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The X clipboard as another program sees it: read with xclip, written with xsel (both installed
 * by .ci/setup). Writing goes through xsel because xclip 0.13 announces a large text (an INCR
 * transfer) with an empty INCR property, without the size ICCCM asks for; AWT's X11 clipboard
 * rejects that ("INCR data is missed"), so a 2 MiB copy from xclip reads as "unavailable" rather
 * than "too large". xsel, like GTK and Qt programs, gives the size.
 */
public final class XClip {
    private XClip() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("xclip", "-version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS)
                    && new ProcessBuilder("xsel", "--version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What another program pastes. */
    public static String read() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xclip", "-o", "-selection", "clipboard").start();
        try (InputStream in = p.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return text;
        }
    }

    /**
     * Another program copies {@code text} (xsel keeps serving it in the background). xsel takes
     * the selection in its background child, after the command has returned, so this waits until
     * the clipboard reads back {@code text}.
     */
    public static void write(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xsel", "--clipboard", "--input").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream out = p.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        p.waitFor(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!read().equals(text)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("xsel did not take the clipboard within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
