package dev.lifeline.client.viewing;

import dev.lifeline.client.screen.ScreenStats;

/** Frames, bytes and latency over about a second; not thread-safe (the decode thread owns it). */
final class StatsWindow {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long startNanos = -1;
    private int frames;
    private long bytes;
    private long latencySumMs;
    private int latencySamples;

    void bytes(long count) {
        bytes += count;
    }

    void latency(long ms) {
        latencySumMs += ms;
        latencySamples++;
    }

    /** One picture drawn; returns the stats when a window is complete, else null. */
    ScreenStats drawn(long nowNanos) {
        if (startNanos < 0) {
            startNanos = nowNanos;
        }
        frames++;
        long elapsed = nowNanos - startNanos;
        if (elapsed < WINDOW_NANOS) {
            return null;
        }
        double seconds = elapsed / 1e9;
        ScreenStats stats = new ScreenStats(frames / seconds,
                latencySamples == 0 ? 0 : latencySumMs / latencySamples, Math.round(bytes / seconds));
        startNanos = nowNanos;
        frames = 0;
        bytes = 0;
        latencySumMs = 0;
        latencySamples = 0;
        return stats;
    }
}
