package dev.lifeline.client.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When Get Help starts its window toolkit before the command line is parsed. */
class EarlyToolkitTest {
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");

    @Test
    void aWindowedStartOnADisplayStartsTheToolkitEarly() {
        assertTrue(EarlyToolkit.opensWindow(List.of(), X11, "Linux"));
        assertTrue(EarlyToolkit.opensWindow(List.of("--relay", "relay.example:7443", "--lang", "de"), X11, "Linux"));
        assertTrue(EarlyToolkit.opensWindow(List.of(), Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        // Windows and macOS always have a desktop to open on.
        assertTrue(EarlyToolkit.opensWindow(List.of(), Map.of(), "Windows 11"));
        assertTrue(EarlyToolkit.opensWindow(List.of(), Map.of(), "Mac OS X"));
    }

    @Test
    void noWindowNoToolkit() {
        for (String noWindow : List.of("--headless", "--help", "-h", "--version", "-V")) {
            assertFalse(EarlyToolkit.opensWindow(List.of("--relay", "r:1", noWindow), X11, "Linux"), noWindow);
        }
        // Without a display the launch itself reports it, as before.
        assertFalse(EarlyToolkit.opensWindow(List.of(), Map.of(), "Linux"));
    }
}
