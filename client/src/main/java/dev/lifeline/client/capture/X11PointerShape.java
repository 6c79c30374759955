package dev.lifeline.client.capture;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.lifeline.client.screen.CursorShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X server's current pointer image, through the XFixes extension (AWT cannot tell what the
 * pointer looks like). Own display connection; one thread at a time.
 */
final class X11PointerShape implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(X11PointerShape.class);

    interface Xlib extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);

        int XFree(Pointer data);
    }

    interface Xfixes extends Library {
        boolean XFixesQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

        Pointer XFixesGetCursorImage(Pointer display);
    }

    private final Xlib xlib;
    private final Xfixes xfixes;
    private Pointer display;
    private long lastSerial = -1;
    private CursorShape last;

    private X11PointerShape(Xlib xlib, Xfixes xfixes, Pointer display) {
        this.xlib = xlib;
        this.xfixes = xfixes;
        this.display = display;
    }

    /** The pointer reader for this X display, or null where there is none (not X11, no XFixes). */
    static X11PointerShape open() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || System.getenv("DISPLAY") == null
                || System.getenv("WAYLAND_DISPLAY") != null) {
            return null;
        }
        try {
            Xlib xlib = Native.load("X11", Xlib.class);
            Xfixes xfixes = Native.load("Xfixes", Xfixes.class);
            Pointer display = xlib.XOpenDisplay(null);
            if (display == null) {
                return null;
            }
            // Without the extension the call below would be an X error, which ends the process.
            if (!xfixes.XFixesQueryExtension(display, new IntByReference(), new IntByReference())) {
                xlib.XCloseDisplay(display);
                return null;
            }
            return new X11PointerShape(xlib, xfixes, display);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.info("pointer shape not available: {}", e.getMessage());
            return null;
        }
    }

    /** The pointer image now (the same object while the server's cursor serial is unchanged), or null. */
    CursorShape current() {
        if (display == null) {
            return null;
        }
        Pointer image = xfixes.XFixesGetCursorImage(display);
        if (image == null) {
            return null;
        }
        try {
            // XFixesCursorImage: short x, y; unsigned short width, height, xhot, yhot;
            // unsigned long cursor_serial; unsigned long *pixels (ARGB, premultiplied, one per long).
            int width = image.getShort(4) & 0xFFFF;
            int height = image.getShort(6) & 0xFFFF;
            int hotX = image.getShort(8) & 0xFFFF;
            int hotY = image.getShort(10) & 0xFFFF;
            int serialAt = align(12, NativeLong.SIZE);
            long serial = image.getNativeLong(serialAt).longValue();
            if (serial == lastSerial && last != null) {
                return last;
            }
            Pointer pixels = image.getPointer(serialAt + NativeLong.SIZE);
            if (width < 1 || height < 1 || pixels == null) {
                return null;
            }
            int w = Math.min(width, CursorShape.MAX_SIDE);
            int h = Math.min(height, CursorShape.MAX_SIDE);
            int[] argb = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    argb[y * w + x] = unpremultiply((int) pixels.getNativeLong((long) (y * width + x) * NativeLong.SIZE)
                            .longValue());
                }
            }
            last = new CursorShape(w, h, Math.min(hotX, w - 1), Math.min(hotY, h - 1), argb);
            lastSerial = serial;
            return last;
        } finally {
            xlib.XFree(image);
        }
    }

    private static int align(int offset, int to) {
        return (offset + to - 1) / to * to;
    }

    private static int unpremultiply(int argb) {
        int a = argb >>> 24;
        if (a == 0 || a == 255) {
            return a == 0 ? 0 : argb;
        }
        int r = Math.min(255, ((argb >>> 16) & 0xFF) * 255 / a);
        int g = Math.min(255, ((argb >>> 8) & 0xFF) * 255 / a);
        int b = Math.min(255, (argb & 0xFF) * 255 / a);
        return a << 24 | r << 16 | g << 8 | b;
    }

    @Override
    public void close() {
        if (display != null) {
            xlib.XCloseDisplay(display);
            display = null;
        }
    }
}
