package dev.lifeline.client.console;

import dev.lifeline.client.screen.MonitorInfo;
import java.util.Optional;

/**
 * From a point on the Console's picture of the customer's screen to the customer's desktop: undo
 * the view's scale (fit or 1:1), then place the picture's pixel on its monitor (the monitor's x/y
 * offset in the customer's desktop, and its size, which may differ from the picture's on a
 * scaled HiDPI monitor).
 */
public final class ScreenMapping {
    /** A desktop position on the customer's machine, inside {@code monitor}. */
    public record DesktopPoint(int monitor, int x, int y) {
    }

    private ScreenMapping() {
    }

    /**
     * @param viewX,viewY  a point in the view's picture node, where the picture starts at 0,0
     * @param scale        view pixels per picture pixel
     * @return empty when the point is off the picture
     */
    public static Optional<DesktopPoint> toDesktop(double viewX, double viewY, double scale, int pictureWidth,
                                                   int pictureHeight, MonitorInfo monitor) {
        if (scale <= 0 || pictureWidth <= 0 || pictureHeight <= 0 || monitor == null || Double.isNaN(viewX + viewY)) {
            return Optional.empty();
        }
        double px = viewX / scale;
        double py = viewY / scale;
        if (px < 0 || py < 0 || px >= pictureWidth || py >= pictureHeight) {
            return Optional.empty();
        }
        int x = monitor.x() + (int) Math.floor(px * monitor.width() / pictureWidth);
        int y = monitor.y() + (int) Math.floor(py * monitor.height() / pictureHeight);
        // Rounding must never leave the monitor: the customer's app refuses points outside it.
        x = Math.min(x, monitor.x() + monitor.width() - 1);
        y = Math.min(y, monitor.y() + monitor.height() - 1);
        return Optional.of(new DesktopPoint(monitor.index(), x, y));
    }

    /** The view's scale: fit the viewport (never zero), or 1:1. */
    public static double scale(boolean fit, double viewportWidth, double viewportHeight, int pictureWidth, int pictureHeight) {
        if (!fit || viewportWidth <= 0 || viewportHeight <= 0 || pictureWidth <= 0 || pictureHeight <= 0) {
            return 1;
        }
        return Math.min(viewportWidth / pictureWidth, viewportHeight / pictureHeight);
    }
}
