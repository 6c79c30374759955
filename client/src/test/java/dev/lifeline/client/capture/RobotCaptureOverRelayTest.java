package dev.lifeline.client.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real window on a real X display (Xvfb in CI), captured by {@link RobotScreenSource}, through
 * a real relay, decoded at the technician: the window's pixels must arrive exactly in SHARP.
 */
@Tag("display")
class RobotCaptureOverRelayTest {
    private static final Rectangle WINDOW = new Rectangle(120, 90, 420, 260);
    private static final Color[] BLOCKS = {new Color(0xD03020), new Color(0x20A040), new Color(0x2050D0), new Color(0xF0C000)};

    @TempDir
    Path dir;

    private JFrame window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::dispose);
        }
    }

    @Test
    void realWindowArrivesPixelExactInSharp() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        SwingUtilities.invokeAndWait(this::openWindow);
        Robot robot = new Robot();
        robot.waitForIdle();
        Thread.sleep(300);
        BufferedImage local = robot.createScreenCapture(WINDOW);
        assertEquals(BLOCKS[0].getRGB() & 0xFFFFFF, local.getRGB(30, 30) & 0xFFFFFF, "the window is on screen");

        try (RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay"))
                .bindAddress("127.0.0.1").port(0).build());
             RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()))) {
            TechnicianIdentity alice = OrganisationCa.create("ACME").issueTechnician("Alice", Duration.ofDays(1));
            CompletableFuture<SessionCode> code = new CompletableFuture<>();
            AtomicReference<CustomerSessionHandle> customer = new AtomicReference<>();
            customer.set(client.customerSessions(null, ScreenSources.robot()).start("Dana", new SessionListener() {
                @Override
                public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                    code.complete(c);
                }

                @Override
                public void onScreenRequested() {
                    customer.get().answerScreenRequest(true);
                }
            }));
            CompletableFuture<PeerInfo> secured = new CompletableFuture<>();
            AtomicReference<ScreenShareState> state = new AtomicReference<>(ScreenShareState.OFF);
            AtomicReference<int[]> picture = new AtomicReference<>();
            AtomicReference<Integer> pictureWidth = new AtomicReference<>(0);
            TechnicianSessionHandle technician = client.technicianSessions(alice).join(code.get(10, TimeUnit.SECONDS),
                    new SessionListener() {
                        @Override
                        public void onSecured(PeerInfo peer) {
                            secured.complete(peer);
                        }

                        @Override
                        public void onScreenShare(ScreenShareState s) {
                            state.set(s);
                        }

                        @Override
                        public void onScreenFrame(RemoteScreenFrame frame) {
                            if (state.get().quality() == Quality.SHARP) {
                                pictureWidth.set(frame.image().width());
                                picture.set(frame.image().pixels().clone());
                            }
                            frame.drawn();
                        }
                    });
            secured.get(10, TimeUnit.SECONDS);
            technician.requestScreen();
            await(() -> state.get().status() == ScreenShareState.Status.SHARING, "sharing");
            ScreenShareState sharing = state.get();
            assertTrue(sharing.monitors().get(sharing.activeMonitor()).width() >= WINDOW.x + WINDOW.width);
            technician.setScreenQuality(Quality.SHARP);
            await(() -> picture.get() != null, "a picture in SHARP");
            Thread.sleep(500); // the keyframe that follows the change of quality is the last picture
            // The window is static: once a SHARP picture is in, its region must equal the screen.
            int[] pixels = picture.get();
            int width = pictureWidth.get();
            int mismatches = 0;
            for (int y = 0; y < WINDOW.height; y++) {
                for (int x = 0; x < WINDOW.width; x++) {
                    int expected = local.getRGB(x, y) & 0xFFFFFF;
                    int actual = pixels[(WINDOW.y + y) * width + WINDOW.x + x] & 0xFFFFFF;
                    if (expected != actual) {
                        mismatches++;
                    }
                }
            }
            assertEquals(0, mismatches, "pixels of the window that differ at the technician");
            technician.end();
        }
    }

    private void openWindow() {
        window = new JFrame("Lifeline capture test");
        window.setUndecorated(true);
        JPanel content = new JPanel() {
            @Override
            protected void paintComponent(Graphics g) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, getWidth(), getHeight());
                for (int i = 0; i < BLOCKS.length; i++) {
                    g.setColor(BLOCKS[i]);
                    g.fillRect(10 + i * 100, 10, 90, 90);
                }
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
                g.drawString("Lifeline screen test: PC LOAD LETTER", 12, 150);
                g.drawLine(10, 200, 400, 240);
            }
        };
        window.setContentPane(content);
        window.setBounds(WINDOW);
        window.setAlwaysOnTop(true);
        window.setVisible(true);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 20 s for " + what);
            }
            Thread.sleep(10);
        }
    }
}
