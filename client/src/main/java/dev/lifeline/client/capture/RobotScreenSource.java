package dev.lifeline.client.capture;

import dev.lifeline.client.screen.CursorShape;
import dev.lifeline.client.pixels.AwtPixels;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.screen.ScreenImage;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.MouseInfo;
import java.awt.PointerInfo;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the real screen with one AWT {@link Robot} per monitor. Robot works on Windows, macOS
 * and X11; on a Wayland desktop it sees nothing useful, so that case is refused with a reason
 * rather than streaming black pictures.
 */
public final class RobotScreenSource implements ScreenSource {
    private static final Logger log = LoggerFactory.getLogger(RobotScreenSource.class);

    private GraphicsDevice[] devices;
    private Robot[] robots;
    private List<MonitorInfo> monitors;
    /** Opened on first use; stays null where the platform does not tell the pointer's look. */
    private X11PointerShape pointerShape;
    private boolean pointerShapeTried;

    private RobotScreenSource() {
    }

    public static RobotScreenSource open() throws CaptureUnavailableException {
        return open(System.getenv());
    }

    /** With the environment given, so the Wayland check can be tested. */
    static RobotScreenSource open(Map<String, String> environment) throws CaptureUnavailableException {
        String refusal = whyCaptureIsImpossible(environment, GraphicsEnvironment.isHeadless());
        if (refusal != null) {
            throw new CaptureUnavailableException(refusal);
        }
        RobotScreenSource source = new RobotScreenSource();
        source.enumerate();
        if (source.monitors.isEmpty()) {
            throw new CaptureUnavailableException("no monitor was found");
        }
        if ("wayland".equalsIgnoreCase(environment.getOrDefault("XDG_SESSION_TYPE", ""))) {
            log.warn("Wayland session: capturing through XWayland; some desktops show only X11 windows or black");
        }
        return source;
    }

    /** Finds the monitors and makes a Robot for each; keeps the old ones when nothing changed. */
    private void enumerate() throws CaptureUnavailableException {
        GraphicsDevice[] found;
        GraphicsDevice primary;
        try {
            GraphicsEnvironment graphics = GraphicsEnvironment.getLocalGraphicsEnvironment();
            found = graphics.getScreenDevices();
            primary = graphics.getDefaultScreenDevice();
        } catch (RuntimeException | Error e) {
            throw new CaptureUnavailableException("the display cannot be opened: " + e.getMessage(), e);
        }
        List<MonitorInfo> list = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            Rectangle b = found[i].getDefaultConfiguration().getBounds();
            list.add(new MonitorInfo(i, found[i].getIDstring(), b.x, b.y, b.width, b.height, found[i] == primary));
        }
        if (list.equals(monitors)) {
            return;
        }
        Robot[] made = new Robot[found.length];
        for (int i = 0; i < found.length; i++) {
            try {
                made[i] = new Robot(found[i]);
            } catch (AWTException | SecurityException e) {
                throw new CaptureUnavailableException("screen capture is not permitted on this system: " + e.getMessage(), e);
            }
        }
        devices = found;
        robots = made;
        monitors = List.copyOf(list);
    }

    @Override
    public List<MonitorInfo> rescanMonitors() throws CaptureUnavailableException {
        enumerate();
        return monitors;
    }

    /** Null when capture may work; otherwise a reason the customer can read. */
    static String whyCaptureIsImpossible(Map<String, String> environment, boolean headlessJvm) {
        String display = environment.getOrDefault("DISPLAY", "").strip();
        boolean wayland = "wayland".equalsIgnoreCase(environment.getOrDefault("XDG_SESSION_TYPE", "").strip());
        if (wayland && display.isEmpty()) {
            return "this desktop runs Wayland without X; screen sharing through the desktop portal is not supported yet";
        }
        if (headlessJvm) {
            return "this app runs without a display, so there is no screen to share";
        }
        return null;
    }

    @Override
    public List<MonitorInfo> monitors() {
        return monitors;
    }

    @Override
    public ScreenImage capture(int monitor) throws CaptureUnavailableException {
        checkIndex(monitor);
        MonitorInfo m = monitors.get(monitor);
        BufferedImage shot;
        try {
            // Robot takes desktop coordinates even when it was made for one device.
            shot = robots[monitor].createScreenCapture(new Rectangle(m.x(), m.y(), m.width(), m.height()));
        } catch (RuntimeException e) {
            throw new CaptureUnavailableException("the screen could not be captured: " + e.getMessage(), e);
        }
        return toScreenImage(shot);
    }

    /**
     * Takes the pixels straight from the image's int buffer when it is plain packed RGB (what Robot
     * returns), without a copy; other layouts are converted.
     */
    static ScreenImage toScreenImage(BufferedImage shot) {
        int w = shot.getWidth();
        int h = shot.getHeight();
        if (shot.getType() == BufferedImage.TYPE_INT_RGB
                && shot.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getNumBanks() == 1
                && shot.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == w
                && shot.getRaster().getSampleModelTranslateX() == 0
                && shot.getRaster().getSampleModelTranslateY() == 0
                && ints.getData().length == w * h) {
            return new ScreenImage(w, h, ints.getData());
        }
        int[] rgb = new int[w * h];
        AwtPixels.copyRgb(shot, rgb, 0, w);
        return new ScreenImage(w, h, rgb);
    }

    @Override
    public CursorPosition cursor(int monitor) {
        checkIndex(monitor);
        PointerInfo pointer;
        try {
            pointer = MouseInfo.getPointerInfo();
        } catch (RuntimeException e) {
            return CursorPosition.HIDDEN;
        }
        if (pointer == null || pointer.getDevice() != devices[monitor]) {
            return CursorPosition.HIDDEN;
        }
        MonitorInfo m = monitors.get(monitor);
        return new CursorPosition(pointer.getLocation().x - m.x(), pointer.getLocation().y - m.y(), true);
    }

    @Override
    public CursorShape cursorShape() {
        if (!pointerShapeTried) {
            pointerShapeTried = true;
            pointerShape = X11PointerShape.open();
        }
        return pointerShape == null ? null : pointerShape.current();
    }

    private void checkIndex(int monitor) {
        if (monitor < 0 || monitor >= monitors.size()) {
            throw new IndexOutOfBoundsException("monitor " + monitor + " of " + monitors.size());
        }
    }

    @Override
    public void close() {
        if (pointerShape != null) {
            pointerShape.close();
            pointerShape = null;
        }
        // Robot holds no native resources that need releasing.
    }
}
