package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.console.ScreenMapping.DesktopPoint;
import dev.lifeline.client.screen.MonitorInfo;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** From the Console's picture to the customer's desktop: scale, monitor offset, HiDPI, edges. */
class ScreenMappingTest {
    private static final MonitorInfo PRIMARY = new MonitorInfo(0, "primary", 0, 0, 1920, 1080, true);
    /** Left of the primary and lower: negative desktop x. */
    private static final MonitorInfo LEFT = new MonitorInfo(1, "left", -1280, 200, 1280, 1024, false);

    @Test
    void fitScaleIsTheSmallerRatioAndOneToOneIsOne() {
        assertEquals(0.5, ScreenMapping.scale(true, 960, 700, 1920, 1080), 1e-9);
        assertEquals(0.5, ScreenMapping.scale(true, 1200, 540, 1920, 1080), 1e-9);
        assertEquals(2.0, ScreenMapping.scale(true, 4000, 2160, 1920, 1080), 1e-9, "a small screen in a big window grows");
        assertEquals(1.0, ScreenMapping.scale(false, 960, 540, 1920, 1080), 1e-9);
        assertEquals(1.0, ScreenMapping.scale(true, 0, 0, 1920, 1080), 1e-9, "before layout");
    }

    @Test
    void halfSizeViewMapsToDoubleCoordinates() {
        assertEquals(Optional.of(new DesktopPoint(0, 200, 100)), ScreenMapping.toDesktop(100, 50, 0.5, 1920, 1080, PRIMARY));
        assertEquals(Optional.of(new DesktopPoint(0, 1919, 1079)), ScreenMapping.toDesktop(959.9, 539.9, 0.5, 1920, 1080, PRIMARY));
        assertTrue(ScreenMapping.toDesktop(960, 10, 0.5, 1920, 1080, PRIMARY).isEmpty(), "off the right edge");
        assertTrue(ScreenMapping.toDesktop(-0.1, 10, 0.5, 1920, 1080, PRIMARY).isEmpty());
    }

    @Test
    void oneToOneIsPixelForPixel() {
        assertEquals(Optional.of(new DesktopPoint(0, 37, 1079)), ScreenMapping.toDesktop(37.6, 1079.2, 1, 1920, 1080, PRIMARY));
    }

    @Test
    void theMonitorsDesktopOffsetIsAdded() {
        assertEquals(Optional.of(new DesktopPoint(1, -1280, 200)), ScreenMapping.toDesktop(0, 0, 1, 1280, 1024, LEFT));
        assertEquals(Optional.of(new DesktopPoint(1, -1, 1223)), ScreenMapping.toDesktop(1279, 1023, 1, 1280, 1024, LEFT));
        assertEquals(Optional.of(new DesktopPoint(1, -640, 712)), ScreenMapping.toDesktop(320, 256, 0.5, 1280, 1024, LEFT));
    }

    @Test
    void aPictureLargerThanTheMonitorsLogicalSizeIsScaledDown() {
        // HiDPI at 200 %: the picture has 3840x2160 pixels for a monitor of 1920x1080 desktop units.
        assertEquals(Optional.of(new DesktopPoint(0, 960, 540)), ScreenMapping.toDesktop(1920, 1080, 1, 3840, 2160, PRIMARY));
        assertEquals(Optional.of(new DesktopPoint(0, 1919, 1079)), ScreenMapping.toDesktop(3839, 2159, 1, 3840, 2160, PRIMARY));
    }
}
