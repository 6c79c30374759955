package dev.lifeline.client.nativeinput;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one jnativehook global input hook (X11 through XRecord, Windows and macOS hooks).
 * Started on first use; where it cannot work (no display, Wayland without X, macOS without the
 * accessibility permission) it says why, and everything built on it degrades to "not available".
 */
public final class NativeHook {
    private static final Logger log = LoggerFactory.getLogger(NativeHook.class);
    private static final NativeHook SHARED = new NativeHook(System.getenv());

    private final Map<String, String> environment;
    private boolean started;
    private String unavailable;

    NativeHook(Map<String, String> environment) {
        this.environment = environment;
    }

    public static NativeHook shared() {
        return SHARED;
    }

    /** Registers the hook if not done yet. Returns empty when it runs, else why it cannot. */
    public synchronized String start() {
        if (started) {
            return "";
        }
        if (unavailable != null) {
            return unavailable;
        }
        String refusal = whyImpossible(environment, GraphicsEnvironment.isHeadless());
        if (refusal != null) {
            unavailable = refusal;
            return refusal;
        }
        // jnativehook logs every event through java.util.logging at INFO: keep only its warnings.
        java.util.logging.Logger jnh = java.util.logging.Logger.getLogger(GlobalScreen.class.getPackage().getName());
        jnh.setLevel(Level.WARNING);
        jnh.setUseParentHandlers(false);
        // jnativehook's own dispatch thread (a daemon): a custom executor given to it was shut down under us.
        try {
            GlobalScreen.registerNativeHook();
            started = true;
            return "";
        } catch (NativeHookException | UnsatisfiedLinkError | RuntimeException e) {
            unavailable = "the global input hook cannot start: " + e.getMessage();
            log.info("{}", unavailable);
            return unavailable;
        }
    }

    /** Null when a hook may work here; otherwise a reason a person can read. */
    static String whyImpossible(Map<String, String> environment, boolean headless) {
        String display = environment.getOrDefault("DISPLAY", "").strip();
        boolean wayland = "wayland".equalsIgnoreCase(environment.getOrDefault("XDG_SESSION_TYPE", "").strip());
        if (wayland && display.isEmpty()) {
            return "Wayland does not allow global key hooks";
        }
        if (headless) {
            return "no display";
        }
        return null;
    }

    public synchronized boolean isRunning() {
        return started;
    }

    /** On exit: the hook thread must not outlive the app. */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        try {
            GlobalScreen.unregisterNativeHook();
        } catch (NativeHookException | RuntimeException e) {
            log.debug("unregistering the input hook: {}", e.toString());
        }
        started = false;
    }
}
