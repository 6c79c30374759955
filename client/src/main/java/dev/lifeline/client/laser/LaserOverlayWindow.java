package dev.lifeline.client.laser;

import dev.lifeline.client.control.InjectionException;
import dev.lifeline.client.control.PointerOverlay;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Window;
import java.awt.geom.Ellipse2D;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JWindow;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * The laser dot as small always-on-top windows: one for the dot and a few for the trail behind
 * it, each shaped to a circle so clicks beside the dot reach the application under it, none of
 * them focusable. The trail shrinks and, where the desktop can do window opacity, fades; the dot
 * fades out {@link #FADE_AFTER_MS} after the technician stops pointing. (A full-screen
 * transparent window would be simpler but covers the customer's screen where per-pixel
 * transparency is missing, as on X11 without a compositor.)
 */
public final class LaserOverlayWindow implements PointerOverlay {
    static final int DOT = 22;
    static final int TRAIL = 5;
    static final int FADE_AFTER_MS = 1200;
    private static final Color LASER = new Color(0xE5, 0x1C, 0x23);

    private record Spot(int x, int y, long atMs) {
    }

    private final List<JWindow> windows = new ArrayList<>();
    private final ArrayDeque<Spot> spots = new ArrayDeque<>();
    private final boolean shaped;
    private final boolean translucent;
    private final Timer timer;

    private LaserOverlayWindow() {
        GraphicsDevice device = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        shaped = device.isWindowTranslucencySupported(GraphicsDevice.WindowTranslucency.PERPIXEL_TRANSPARENT);
        translucent = device.isWindowTranslucencySupported(GraphicsDevice.WindowTranslucency.TRANSLUCENT);
        for (int i = 0; i <= TRAIL; i++) {
            JWindow w = new JWindow();
            w.setType(Window.Type.POPUP);
            w.setAlwaysOnTop(true);
            w.setFocusableWindowState(false);
            w.setAutoRequestFocus(false);
            w.setContentPane(new Dot());
            windows.add(w);
        }
        timer = new Timer(40, e -> repaintTrail());
    }

    /** Opens the overlay on the Swing thread; refused without a display. */
    public static PointerOverlay.Opener opener() {
        return () -> {
            if (GraphicsEnvironment.isHeadless()) {
                throw new InjectionException("no display to draw the laser pointer on");
            }
            LaserOverlayWindow[] made = new LaserOverlayWindow[1];
            try {
                SwingUtilities.invokeAndWait(() -> made[0] = new LaserOverlayWindow());
            } catch (Exception e) {
                throw new InjectionException("the laser pointer cannot be drawn: " + e.getMessage(), e);
            }
            return made[0];
        };
    }

    @Override
    public void point(int x, int y) {
        long now = System.currentTimeMillis();
        SwingUtilities.invokeLater(() -> {
            spots.addFirst(new Spot(x, y, now));
            while (spots.size() > TRAIL + 1) {
                spots.removeLast();
            }
            repaintTrail();
            if (!timer.isRunning()) {
                timer.start();
            }
        });
    }

    @Override
    public void hide() {
        SwingUtilities.invokeLater(() -> {
            spots.clear();
            repaintTrail();
        });
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(() -> {
            timer.stop();
            windows.forEach(Window::dispose);
        });
    }

    /** On the Swing thread: the newest spot is the dot, older ones the shrinking trail. */
    private void repaintTrail() {
        long now = System.currentTimeMillis();
        if (!spots.isEmpty() && now - spots.peekFirst().atMs() > FADE_AFTER_MS) {
            spots.clear();
        }
        int i = 0;
        for (Spot spot : spots) {
            JWindow w = windows.get(i);
            int size = Math.max(6, DOT - i * 3);
            float age = Math.min(1f, (now - spot.atMs()) / (float) FADE_AFTER_MS);
            w.setBounds(spot.x() - size / 2, spot.y() - size / 2, size, size);
            if (shaped) {
                w.setShape(new Ellipse2D.Double(0, 0, size, size));
            }
            if (translucent) {
                w.setOpacity(Math.max(0.15f, (1 - age) * (i == 0 ? 0.9f : 0.55f)));
            }
            if (!w.isVisible()) {
                w.setVisible(true);
            }
            i++;
        }
        for (; i < windows.size(); i++) {
            if (windows.get(i).isVisible()) {
                windows.get(i).setVisible(false);
            }
        }
        if (spots.isEmpty()) {
            timer.stop();
        }
    }

    /** Whether any part of the dot is on screen (tests). */
    boolean showing() {
        return windows.get(0).isVisible();
    }

    private static final class Dot extends JComponent {
        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g;
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(LASER);
            g2.fillOval(0, 0, getWidth(), getHeight());
        }
    }
}
