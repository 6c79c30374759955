package dev.lifeline.client.capture;

import dev.lifeline.client.screen.CursorShape;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.screen.ScreenImage;
import java.util.List;

/**
 * Where the customer's screen pictures come from. Opened only after the customer agreed to share;
 * used from one capture thread.
 */
public interface ScreenSource extends AutoCloseable {
    /** The monitors that can be captured, index 0 first; never empty. */
    List<MonitorInfo> monitors();

    /**
     * Looks at the monitors again, since one may have been plugged in or out while sharing, and
     * returns them; {@link #monitors()} and {@link #capture} follow the new list from then on. An
     * empty list: no monitor is left. Sources whose monitors never change need not override it.
     */
    default List<MonitorInfo> rescanMonitors() throws CaptureUnavailableException {
        return monitors();
    }

    /** The monitor's picture now. The caller may keep it but must not change its pixels. */
    ScreenImage capture(int monitor) throws CaptureUnavailableException;

    /** Where the mouse pointer is, in the monitor's pixels. */
    CursorPosition cursor(int monitor);

    /** What the mouse pointer looks like now, or null where the platform does not say. */
    default CursorShape cursorShape() {
        return null;
    }

    @Override
    void close();
}
