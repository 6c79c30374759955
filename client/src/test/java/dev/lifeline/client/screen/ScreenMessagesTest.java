package dev.lifeline.client.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.delivery.ReliableDelivery;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.e2e.ScreenMonitor;
import dev.lifeline.common.wire.e2e.ScreenQuality;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenMessagesTest {
    @Test
    void twoLargestUpdatesFitTheResendBufferAndEachSliceARelayFrame() {
        long twoUpdates = 2L * ScreenMessages.MAX_SLICES_PER_UPDATE * ScreenMessages.MAX_SLICE_BYTES;
        assertTrue(twoUpdates + (4L << 20) <= ReliableDelivery.DEFAULT_MAX_UNACKED_BYTES,
                "two updates in flight must never fill the resend buffer: " + twoUpdates);
        assertTrue(ScreenMessages.MAX_SLICE_BYTES + 4096 <= WireLimits.MAX_FRAME_BYTES);
    }

    @Test
    void qualityRoundTripsAndUnknownMeansAuto() {
        for (Quality q : Quality.values()) {
            assertEquals(q, ScreenMessages.fromWire(ScreenMessages.toWire(q)));
        }
        assertEquals(Quality.AUTO, ScreenMessages.fromWire(ScreenQuality.SCREEN_QUALITY_UNSPECIFIED));
        assertEquals(Quality.AUTO, ScreenMessages.fromWire(ScreenQuality.UNRECOGNIZED));
    }

    @Test
    void peerMonitorListIsBoundedRenumberedAndClamped() {
        List<ScreenMonitor> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(ScreenMonitor.newBuilder().setIndex(1000 + i).setName("x".repeat(5000))
                    .setWidth(Integer.MAX_VALUE).setHeight(-1).build());
        }
        List<MonitorInfo> monitors = ScreenMessages.fromWire(many);
        assertEquals(ScreenMessages.MAX_MONITORS, monitors.size());
        assertEquals(3, monitors.get(3).index());
        assertEquals(ScreenImage.MAX_SIDE, monitors.get(0).width());
        assertEquals(0, monitors.get(0).height(), "a huge unsigned value arrives negative and clamps to 0");
        assertTrue(monitors.get(0).name().length() <= 100);
    }
}
