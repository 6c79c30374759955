package dev.lifeline.client.screen;

/**
 * What the technician's status line shows, measured over the last second or so.
 *
 * @param framesPerSecond pictures drawn per second
 * @param latencyMs       capture on the customer's machine to picture decoded here (estimated
 *                        across the two clocks from the round trip of the pull requests)
 * @param bytesPerSecond  encoded screen bytes received per second
 */
public record ScreenStats(double framesPerSecond, long latencyMs, long bytesPerSecond) {
}
