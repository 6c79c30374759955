package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.MouseButton;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real X display (Xvfb): the Console's session view model takes control
 * through a real relay, the customer allows it, and a click and typed text on the Console's
 * half-size picture move the real pointer and type into a real text field on the customer's
 * screen through AWT Robot.
 */
@Tag("display")
class RemoteControlDisplayTest {
    private static final Rectangle WINDOW = new Rectangle(300, 200, 500, 120);

    @TempDir
    Path dir;

    private JFrame window;
    private JTextField field;
    /** The Console's FX thread stand-in: view models are touched on this one thread only. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() throws Exception {
        ui.shutdownNow();
        if (window != null) {
            SwingUtilities.invokeAndWait(window::dispose);
        }
    }

    private <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aConsoleClickAndTypedTextArriveInARealWindow() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        SwingUtilities.invokeAndWait(() -> {
            window = new JFrame("Lifeline control test");
            window.setUndecorated(true);
            field = new JTextField();
            field.setFont(field.getFont().deriveFont(24f));
            window.getContentPane().add(field, BorderLayout.CENTER);
            window.setBounds(WINDOW);
            window.setAlwaysOnTop(true);
            window.setVisible(true);
        });
        new java.awt.Robot().waitForIdle();

        try (dev.lifeline.relay.server.RunningRelay relay = dev.lifeline.relay.server.RelayServer.start(
                dev.lifeline.relay.server.RelayConfig.builder().dataDir(dir.resolve("relay")).bindAddress("127.0.0.1").port(0).build());
             RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()))) {
            TechnicianIdentity alice = OrganisationCa.create("ACME").issueTechnician("Alice", Duration.ofDays(1));
            CompletableFuture<SessionCode> code = new CompletableFuture<>();
            AtomicReference<CustomerSessionHandle> customer = new AtomicReference<>();
            customer.set(client.customerSessions(null, ScreenSources.robot(), ControlDevices.robot()).start("Dana", new SessionListener() {
                @Override
                public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                    code.complete(c);
                }

                @Override
                public void onScreenRequested() {
                    customer.get().answerScreenRequest(true);
                }

                @Override
                public void onConsentRequested(ConsentPrompt prompt) {
                    if (prompt.capabilities().contains(Capability.CONTROL_INPUT)) {
                        customer.get().grant(Capability.CONTROL_INPUT);
                    }
                }
            }));

            ConsoleSessionViewModel console = new ConsoleSessionViewModel(code.get(10, TimeUnit.SECONDS), ui, Clock.systemUTC());
            onUi(() -> {
                console.join(client.technicianSessions(alice));
                return null;
            });
            await(() -> onUiQuietly(() -> console.step() == ConsoleSessionViewModel.Step.SECURED), "secured");
            onUi(() -> {
                console.screen().requestScreen();
                return null;
            });
            await(() -> onUiQuietly(() -> console.screen().pixelsProperty().get() != null), "the first picture");
            onUi(() -> {
                console.screen().viewportResized(960, 540); // fit: the 1920x1080 screen at half size
                console.control().takeControl();
                return null;
            });
            await(() -> onUiQuietly(() -> console.control().controllingProperty().get()), "control granted");
            await(() -> onUiQuietly(() -> console.control().customerStatusProperty().get().state() == ControlStatus.State.READY),
                    "the customer's app is ready");

            // The text field's middle, as the technician sees it at half size.
            double viewX = (WINDOW.x + 250) / 2.0;
            double viewY = (WINDOW.y + 60) / 2.0;
            onUi(() -> {
                console.control().pointerMoved(viewX, viewY);
                console.control().pointerButton(viewX, viewY, MouseButton.LEFT, true);
                console.control().pointerButton(viewX, viewY, MouseButton.LEFT, false);
                console.control().typed("Hello, Lifeline! 42", false);
                return null;
            });
            await(() -> "Hello, Lifeline! 42".equals(textOfField()), "the typed text in the customer's window (has '"
                    + textOfField() + "')");
            Point pointer = MouseInfo.getPointerInfo().getLocation();
            assertEquals(new Point(WINDOW.x + 250, WINDOW.y + 60), pointer, "the real pointer is where the technician clicked");

            onUi(() -> {
                console.control().keyPressed(java.awt.event.KeyEvent.VK_BACK_SPACE, false, false);
                console.control().keyReleased(java.awt.event.KeyEvent.VK_BACK_SPACE);
                return null;
            });
            await(() -> "Hello, Lifeline! 4".equals(textOfField()), "a key code (Backspace) applied");
            assertTrue(onUi(() -> console.screen().statusProperty().get() == ScreenShareState.Status.SHARING));
            onUi(() -> {
                console.endSession();
                return null;
            });
        }
    }

    private String textOfField() {
        AtomicReference<String> text = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> text.set(field.getText()));
        } catch (Exception e) {
            return "";
        }
        return text.get();
    }

    private boolean onUiQuietly(Callable<Boolean> check) {
        try {
            return onUi(check);
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 20 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
