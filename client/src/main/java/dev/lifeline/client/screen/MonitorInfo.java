package dev.lifeline.client.screen;

/** One of the customer's monitors, in desktop coordinates, as offered to the technician. */
public record MonitorInfo(int index, String name, int x, int y, int width, int height, boolean primary) {
}
