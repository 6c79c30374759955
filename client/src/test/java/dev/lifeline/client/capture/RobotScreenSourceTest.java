package dev.lifeline.client.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.screen.ScreenImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusals and the pixel hand-over; real capture is tested under Xvfb (RobotCaptureOverRelayTest). */
class RobotScreenSourceTest {
    @Test
    void waylandWithoutXIsRefusedWithAReason() {
        String reason = RobotScreenSource.whyCaptureIsImpossible(Map.of("XDG_SESSION_TYPE", "wayland"), false);
        assertNotNull(reason);
        assertTrue(reason.contains("Wayland"), reason);
        assertNull(RobotScreenSource.whyCaptureIsImpossible(Map.of("XDG_SESSION_TYPE", "wayland", "DISPLAY", ":0"), false));
        assertNull(RobotScreenSource.whyCaptureIsImpossible(Map.of("DISPLAY", ":0"), false));
    }

    @Test
    void headlessJavaIsRefusedNotStreamedAsBlack() {
        String reason = RobotScreenSource.whyCaptureIsImpossible(Map.of("DISPLAY", ":0"), true);
        assertNotNull(reason);
        assertTrue(reason.contains("without a display"), reason);
        // The unit tests run with java.awt.headless=true: opening says so instead of capturing.
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class,
                () -> RobotScreenSource.open(Map.of("DISPLAY", ":0")));
        assertTrue(e.getMessage().contains("without a display"), e.getMessage());
    }

    @Test
    void packedRgbPixelsAreTakenWithoutACopy() {
        BufferedImage rgb = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(1, 2, 0x123456);
        ScreenImage image = RobotScreenSource.toScreenImage(rgb);
        assertSame(((DataBufferInt) rgb.getRaster().getDataBuffer()).getData(), image.pixels());
        assertEquals(0x123456, image.rgb(1, 2));

        BufferedImage bgr = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(3, 0, 0xABCDEF);
        ScreenImage converted = RobotScreenSource.toScreenImage(bgr);
        assertEquals(0xABCDEF, converted.pixels()[3], "converted pixels carry no alpha byte");
    }
}
