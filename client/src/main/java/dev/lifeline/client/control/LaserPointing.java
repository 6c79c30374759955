package dev.lifeline.client.control;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.wire.e2e.LaserPointer;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of the laser pointer. Pointing needs only the screen (the consent gate drops
 * it without VIEW_SCREEN) and does nothing to the machine: the dot is drawn in an overlay that
 * takes no clicks. Points must lie on a shared monitor; more than {@link #MAX_POINTS_PER_SECOND}
 * are dropped. Runs on the session thread; the overlay does its own drawing.
 */
public final class LaserPointing {
    private static final Logger log = LoggerFactory.getLogger(LaserPointing.class);
    static final int MAX_POINTS_PER_SECOND = 60;

    private final PointerOverlay.Opener opener;
    private final Supplier<List<MonitorInfo>> monitors;
    private final Clock clock;
    private PointerOverlay overlay;
    private boolean unavailable;
    private long windowStartMs;
    private int inWindow;
    private long shown;
    private long refused;

    public LaserPointing(PointerOverlay.Opener opener, Supplier<List<MonitorInfo>> monitors, Clock clock) {
        this.opener = opener;
        this.monitors = monitors;
        this.clock = clock;
    }

    /** A laser message that passed the gate. Returns false for any other message. */
    public boolean onMessage(SessionMessage message) {
        if (message.getBodyCase() != SessionMessage.BodyCase.LASER_POINTER) {
            return false;
        }
        onLaser(message.getLaserPointer());
        return true;
    }

    private void onLaser(LaserPointer laser) {
        if (!laser.getVisible()) {
            if (overlay != null) {
                overlay.hide();
            }
            return;
        }
        long now = clock.millis();
        if (now - windowStartMs >= 1000) {
            windowStartMs = now;
            inWindow = 0;
        }
        if (++inWindow > MAX_POINTS_PER_SECOND) {
            return;
        }
        try {
            InputMessages.fromWire(InputMessages.toWire(new RemoteInput.Move(laser.getMonitor(), laser.getX(), laser.getY())),
                    monitors.get());
        } catch (InvalidInputException e) {
            refused++;
            log.debug("laser point refused: {}", e.reason());
            return;
        }
        if (overlay == null && !unavailable) {
            try {
                overlay = opener.open();
            } catch (InjectionException e) {
                unavailable = true;
                log.info("laser pointer not shown: {}", e.getMessage());
            }
        }
        if (overlay != null) {
            shown++;
            overlay.point(laser.getX(), laser.getY());
        }
    }

    /** Sharing paused or stopped, or the session ended: the dot goes. */
    public void hide() {
        if (overlay != null) {
            overlay.hide();
        }
    }

    public void close() {
        if (overlay != null) {
            overlay.close();
            overlay = null;
        }
    }

    public long shown() {
        return shown;
    }

    public long refused() {
        return refused;
    }
}
