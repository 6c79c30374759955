package dev.lifeline.client.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void cursorShapeRoundTripsAndMalformedShapesAreDropped() {
        int[] argb = new int[12 * 20];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 3 == 0 ? 0xFF000000 : i % 3 == 1 ? 0x80FFFFFF : 0;
        }
        CursorShape arrow = new CursorShape(12, 20, 1, 2, argb);
        assertEquals(arrow, ScreenMessages.fromWire(ScreenMessages.toWire(arrow)));

        dev.lifeline.common.wire.e2e.ScreenCursorShape good = ScreenMessages.toWire(arrow);
        assertNull(ScreenMessages.fromWire(good.toBuilder().setWidth(13).build()), "pixels do not match the size");
        assertNull(ScreenMessages.fromWire(good.toBuilder().setHotX(12).build()), "hot spot outside");
        assertNull(ScreenMessages.fromWire(good.toBuilder().setHotY(-1).build()), "hot spot huge unsigned");
        assertNull(ScreenMessages.fromWire(good.toBuilder().setWidth(4096).setHeight(1)
                .setArgb(com.google.protobuf.ByteString.copyFrom(new byte[4096 * 4])).build()), "too wide");
        assertNull(ScreenMessages.fromWire(good.toBuilder().setWidth(0).setHeight(0)
                .setArgb(com.google.protobuf.ByteString.EMPTY).build()), "empty");
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
