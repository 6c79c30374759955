package dev.lifeline.client.launch;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit (display connection, GTK, renderer) on a thread of its own while the
 * main thread still parses the command line and prepares the session: on two cores the two
 * overlap (Get Help's start-up, issue 8). {@code Application.launch} then finds the toolkit
 * running and only queues the application's start on it.
 *
 * <p>Only when a window is going to open: not for {@code --headless}, {@code --help} or
 * {@code --version}, and not without a display to open it on (the launch then reports that as
 * before). If the early start fails, {@link #awaitStarted} hands its error to the launch instead
 * of letting the launch wait for a toolkit that never comes.
 */
public final class EarlyToolkit {
    private static final List<String> NO_WINDOW = List.of("--headless", "--help", "-h", "--version", "-V");
    private static Thread starting;
    private static volatile Throwable failure;

    private EarlyToolkit() {
    }

    /** Whether {@code args} (Get Help's own, without a subcommand word) open a window on this system. */
    static boolean opensWindow(List<String> args, Map<String, String> environment, String osName) {
        if (args.stream().anyMatch(NO_WINDOW::contains)) {
            return false;
        }
        boolean x11OrWayland = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        return !x11OrWayland || environment.containsKey("DISPLAY") || environment.containsKey("WAYLAND_DISPLAY");
    }

    /** Starts the toolkit in the background when {@code args} open a window; call once, first thing in main. */
    public static synchronized void startFor(String[] args) {
        if (starting != null || !opensWindow(List.of(args), System.getenv(), System.getProperty("os.name", ""))) {
            return;
        }
        starting = new Thread(() -> {
            try {
                Platform.startup(() -> {
                });
            } catch (RuntimeException | Error e) {
                // No display, no GTK: the launch reports it (awaitStarted).
                failure = e;
            }
        }, "lifeline-toolkit-start");
        starting.setDaemon(true);
        starting.start();
    }

    /** Before {@code Application.launch}: waits for an early start, and throws its error if it failed. */
    static void awaitStarted() {
        Thread thread;
        synchronized (EarlyToolkit.class) {
            thread = starting;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the window toolkit started", e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
