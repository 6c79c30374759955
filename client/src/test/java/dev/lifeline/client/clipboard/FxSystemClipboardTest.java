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

        // Another program copies: GTK learns of the new owner through an X event, so poll briefly.
        XClip.write("copied by another program");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Optional<String> read = clipboard.readText().get(10, TimeUnit.SECONDS);
        while (!read.equals(Optional.of("copied by another program")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            read = clipboard.readText().get(10, TimeUnit.SECONDS);
        }
        assertEquals(Optional.of("copied by another program"), read);
    }
}
