package dev.lifeline.client.viewing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lifeline.client.screen.ScreenStats;
import org.junit.jupiter.api.Test;

class LatencyEstimateTest {
    private static final long MS = 1_000_000;

    @Test
    void roundTripMinusHoldIsTwiceTheNetworkTime() {
        // Pull sent at 0; sender held it 50 ms, captured 8 ms before sending; network 10 ms each
        // way; the last slice arrives at 70 ms and is decoded at 73 ms.
        assertEquals(8 + 10 + 3, LatencyEstimate.millis(0, 70 * MS, 73 * MS, 50_000, 8_000));
        // A hold longer than the round trip (clock noise) does not make the network time negative.
        assertEquals(5, LatencyEstimate.millis(0, 10 * MS, 10 * MS, 20_000, 5_000));
    }

    @Test
    void statsCoverAboutASecond() {
        StatsWindow window = new StatsWindow();
        assertNull(window.drawn(0));
        window.bytes(1000);
        window.latency(20);
        window.latency(40);
        assertNull(window.drawn(500 * MS));
        ScreenStats stats = window.drawn(1000 * MS);
        assertEquals(3.0, stats.framesPerSecond(), 0.001);
        assertEquals(30, stats.latencyMs());
        assertEquals(1000, stats.bytesPerSecond());
    }
}
