package dev.lifeline.client.screen;

import dev.lifeline.common.screen.Quality;
import java.util.List;

/**
 * Where screen sharing stands, as both apps show it.
 *
 * @param monitors      the customer's monitors (empty until sharing starts)
 * @param activeMonitor index into {@code monitors} of the one being shared
 * @param detail        why capture is unavailable, or who stopped it; empty otherwise
 */
public record ScreenShareState(Status status, List<MonitorInfo> monitors, int activeMonitor, Quality quality,
                               String detail) {
    public enum Status {
        /** Nothing asked, nothing shared. */
        OFF,
        /** The technician asked; the customer has not answered yet. */
        REQUESTED,
        /** The customer said no. */
        DENIED,
        /** Frames are flowing. */
        SHARING,
        /** The customer paused: the picture is frozen, nothing new is sent. */
        PAUSED,
        /** The customer (or the technician) stopped sharing; a new request is needed. */
        STOPPED,
        /** This machine cannot capture its screen (Wayland without a portal, no display, ...): see detail. */
        UNAVAILABLE
    }

    public ScreenShareState {
        monitors = List.copyOf(monitors);
    }

    public static final ScreenShareState OFF = new ScreenShareState(Status.OFF, List.of(), 0, Quality.AUTO, "");

    public ScreenShareState with(Status newStatus, String newDetail) {
        return new ScreenShareState(newStatus, monitors, activeMonitor, quality, newDetail);
    }
}
