package dev.lifeline.client.clipboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The X clipboard as another program sees it, through xclip (installed by .ci/setup). */
public final class XClip {
    private XClip() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("xclip", "-version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
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

    /** Another program copies {@code text} (xclip keeps serving it in the background). */
    public static void write(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xclip", "-i", "-selection", "clipboard").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream out = p.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        p.waitFor(10, TimeUnit.SECONDS);
    }
}
