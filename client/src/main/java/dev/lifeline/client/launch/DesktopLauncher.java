package dev.lifeline.client.launch;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.nativeinput.Hotkey;
import dev.lifeline.client.nativeinput.NativeHook;
import dev.lifeline.client.nativeinput.NativeSystemKeyCapture;
import dev.lifeline.client.nativeinput.PanicHotkey;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.TechnicianIdentities;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Starts the JavaFX toolkit and opens the windows asked for. JavaFX allows one launch per
 * process, so the demo asks for both windows in one go.
 */
public final class DesktopLauncher extends Application {
    /** What to open: either or both of the apps, and what to close when the last window closes. */
    public record Windows(CustomerSessions getHelp, String pinnedOrganisation, TechnicianIdentities console,
                          Path identityToLoad, Locale locale, Runnable onExit, InputHooks hooks,
                          ConsoleApp.TeamStart team, HelpPrefill helpRequest) {
        public Windows(CustomerSessions getHelp, String pinnedOrganisation, TechnicianIdentities console,
                       Path identityToLoad, Locale locale, Runnable onExit) {
            this(getHelp, pinnedOrganisation, console, identityToLoad, locale, onExit, InputHooks.DEFAULT);
        }

        public Windows(CustomerSessions getHelp, String pinnedOrganisation, TechnicianIdentities console,
                       Path identityToLoad, Locale locale, Runnable onExit, InputHooks hooks) {
            this(getHelp, pinnedOrganisation, console, identityToLoad, locale, onExit, hooks, null, null);
        }

        /** Issue 6: the Console also signs in to the relay's team server (sign-in screen, queue). */
        public Windows withTeam(ConsoleApp.TeamStart start) {
            return new Windows(getHelp, pinnedOrganisation, console, identityToLoad, locale, onExit, hooks, start, helpRequest);
        }

        /** Issue 6 (demo): Get Help's request form starts filled in with this name and problem. */
        public Windows withHelpRequest(String name, String problem) {
            return new Windows(getHelp, pinnedOrganisation, console, identityToLoad, locale, onExit, hooks, team,
                    new HelpPrefill(name, problem));
        }
    }

    /** Issue 6 (demo): what Get Help's request form starts with. */
    public record HelpPrefill(String name, String problem) {
    }

    /**
     * Global input hooks for remote control: Get Help's panic key (null: none), and whether the
     * Console captures Alt+Tab and the Windows key.
     */
    public record InputHooks(Hotkey panicKey, boolean systemKeys) {
        public static final InputHooks DEFAULT = new InputHooks(Hotkey.PANIC_DEFAULT, true);
    }

    private static final AtomicReference<java.util.concurrent.CompletableFuture<Windows>> REQUESTED = new AtomicReference<>();
    /** Issue 7: runs once the Console window is up (e.g. a sign-in from the command line applies itself). */
    private static final AtomicReference<java.util.function.BiConsumer<ConsoleViewModel, Stage>> CONSOLE_SHOWN =
            new AtomicReference<>();

    /** Call before {@link #launch}: {@code hook} gets the Console's view model and stage on the FX thread. */
    public static void whenConsoleShown(java.util.function.BiConsumer<ConsoleViewModel, Stage> hook) {
        CONSOLE_SHOWN.set(hook);
    }

    /** Blocks until the last window is closed. */
    public static void launch(Windows windows) {
        launch(java.util.concurrent.CompletableFuture.completedFuture(windows));
    }

    /**
     * As {@link #launch(Windows)}, with the windows' services still being made (relay client, TLS):
     * the toolkit starts meanwhile, so on two cores the two overlap (start-up, issue 8).
     */
    public static void launch(java.util.concurrent.CompletableFuture<Windows> windows) {
        REQUESTED.set(windows);
        EarlyToolkit.awaitStarted();
        Application.launch(DesktopLauncher.class);
    }

    @Override
    public void start(Stage primary) {
        Windows windows;
        try {
            windows = REQUESTED.get().join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("error: cannot start: " + cause.getMessage());
            Platform.exit();
            return;
        }
        Stage first = primary;
        if (windows.console() != null) {
            ConsoleViewModel console = ConsoleApp.show(first, windows.console(), windows.identityToLoad(), windows.locale(),
                    windows.team());
            if (windows.hooks().systemKeys()) {
                console.useSystemKeys(new NativeSystemKeyCapture(NativeHook.shared()));
            }
            if (CONSOLE_SHOWN.get() != null) {
                CONSOLE_SHOWN.get().accept(console, first);
            }
            first = null;
        }
        if (windows.getHelp() != null) {
            Stage stage = first != null ? first : new Stage();
            showGetHelp(stage, windows);
            if (first == null) {
                placeSideBySide(primary, stage);
            }
        }
        Platform.setImplicitExit(true);
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAMES)) {
            exitAfterFrames(3);
        }
        if (System.getenv(REPORT_FIRST_FRAME) != null) {
            reportFirstFrame();
        }
    }

    /**
     * Environment variable for the start-up benchmark: when set, the app prints
     * {@code first-frame: wall-ms=N cpu-ms=M} on standard error: milliseconds from the process's
     * start (the launcher's, which runs the JVM in-process) to the first frame drawn, and the CPU
     * time used by then. A window manager's "window mapped" comes earlier than the picture, so the
     * first frame is what the person waits for; CPU time is what it costs on a free machine.
     */
    public static final String REPORT_FIRST_FRAME = "LIFELINE_REPORT_FIRST_FRAME";

    private static void reportFirstFrame() {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The second pulse starts once the first one's frame was handed to the renderer.
                if (++pulses >= 2) {
                    stop();
                    ProcessHandle.Info self = ProcessHandle.current().info();
                    long wall = self.startInstant()
                            .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis())
                            .orElse(-1L);
                    long cpu = self.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                    System.err.println("first-frame: wall-ms=" + wall + " cpu-ms=" + cpu);
                }
            }
        }.start();
    }

    /**
     * System property for the package build's start-up training run: open the windows, draw a few
     * frames (so styling and rendering classes load), then quit. The classes that run loads go
     * into the runtime's class-data archive (installer {@code StartupArchive}).
     */
    public static final String EXIT_AFTER_FIRST_FRAMES = "lifeline.exitAfterFirstFrames";

    private static void exitAfterFrames(int frames) {
        new javafx.animation.AnimationTimer() {
            private int drawn;

            @Override
            public void handle(long now) {
                if (++drawn >= frames) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    /** Get Help on {@code stage}, with the global panic key when asked for. Call on the FX thread. */
    static GetHelpViewModel showGetHelp(Stage stage, Windows windows) {
        GetHelpViewModel help = GetHelpApp.show(stage, windows.getHelp(), windows.locale(), windows.pinnedOrganisation());
        if (windows.helpRequest() != null && help.helpRequest() != null) {
            help.helpRequest().nameProperty().set(windows.helpRequest().name());
            help.helpRequest().problemProperty().set(windows.helpRequest().problem());
        }
        Hotkey panic = windows.hooks().panicKey();
        if (panic != null) {
            // Off the FX thread: the hook may take a moment to start.
            Thread installer = new Thread(() -> {
                String unavailable = PanicHotkey.install(NativeHook.shared(), panic, () -> Platform.runLater(help.control()::panic));
                Platform.runLater(() -> help.control().panicKey(panic.text(), unavailable));
            }, "lifeline-panic-key");
            installer.setDaemon(true);
            installer.start();
        }
        return help;
    }

    /** The demo shows both windows at once: side by side, centred on the primary screen. */
    private static void placeSideBySide(Stage left, Stage right) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double gap = 24;
        double width = left.getWidth() + gap + right.getWidth();
        double x = screen.getMinX() + Math.max(0, (screen.getWidth() - width) / 2);
        double y = screen.getMinY() + Math.max(0, (screen.getHeight() - Math.max(left.getHeight(), right.getHeight())) / 2);
        left.setX(x);
        left.setY(y);
        right.setX(Math.min(x + left.getWidth() + gap, screen.getMaxX() - right.getWidth()));
        right.setY(y);
    }

    @Override
    public void stop() {
        Windows windows = REQUESTED.get() == null ? null : REQUESTED.get().getNow(null);
        if (windows != null && windows.onExit() != null) {
            windows.onExit().run();
        }
        NativeHook.shared().stop();
    }
}
