package dev.lifeline.client.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.testing.HandClock;
import dev.lifeline.common.wire.e2e.LaserPointer;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer's laser handler with a recording overlay: points on shared monitors only, bounded. */
class LaserPointingTest {
    private final HandClock clock = new HandClock();
    private final List<String> drawn = new ArrayList<>();
    private List<MonitorInfo> monitors = List.of(new MonitorInfo(0, "m", 0, 0, 800, 600, true));
    private final PointerOverlay overlay = new PointerOverlay() {
        @Override
        public void point(int x, int y) {
            drawn.add(x + "," + y);
        }

        @Override
        public void hide() {
            drawn.add("hide");
        }

        @Override
        public void close() {
            drawn.add("close");
        }
    };
    private final LaserPointing laser = new LaserPointing(() -> overlay, () -> monitors, clock);

    private static SessionMessage point(int x, int y, boolean visible) {
        return SessionMessage.newBuilder().setLaserPointer(LaserPointer.newBuilder().setX(x).setY(y).setVisible(visible)).build();
    }

    @Test
    void pointsOnTheSharedMonitorAreDrawnOthersRefused() {
        assertTrue(laser.onMessage(point(10, 20, true)));
        laser.onMessage(point(800, 20, true));
        laser.onMessage(point(799, 599, true));
        laser.onMessage(point(0, 0, false));
        assertEquals(List.of("10,20", "799,599", "hide"), drawn);
        assertEquals(1, laser.refused());
        monitors = List.of();
        laser.onMessage(point(10, 20, true));
        assertEquals(3, drawn.size(), "nothing while the screen is not shared");
    }

    @Test
    void atMostSixtyPointsASecond() {
        for (int i = 0; i < 500; i++) {
            laser.onMessage(point(i % 800, 1, true));
        }
        assertEquals(LaserPointing.MAX_POINTS_PER_SECOND, drawn.size());
        clock.advance(1000);
        laser.onMessage(point(1, 1, true));
        assertEquals(LaserPointing.MAX_POINTS_PER_SECOND + 1, drawn.size());
    }

    @Test
    void noOverlayMeansNothingDrawnAndNoRetryStorm() {
        int[] opens = {0};
        LaserPointing none = new LaserPointing(() -> {
            opens[0]++;
            throw new InjectionException("headless");
        }, () -> monitors, clock);
        none.onMessage(point(1, 1, true));
        none.onMessage(point(2, 2, true));
        assertEquals(1, opens[0]);
        assertEquals(0, none.shown());
    }
}
