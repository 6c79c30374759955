package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import org.junit.jupiter.api.Test;

class ScreenPixelsTest {

    @Test
    void copyOfHoldsTheWholePictureOpaque() {
        ScreenPixels p = ScreenPixels.copyOf(FakeSessions.solid(4, 3, 0x123456));
        assertEquals(4, p.width());
        assertEquals(3, p.height());
        assertEquals(0xFF123456, p.argb(0, 0));
        assertEquals(0xFF123456, p.argb(3, 2));
        assertEquals(12, p.buffer().remaining());
        assertEquals(0xFF123456, p.buffer().get(11));
    }

    @Test
    void copiesOnlyTheChangedRectangleAndIgnoresTheTopByte() {
        ScreenImage image = FakeSessions.solid(8, 6, 0x000000);
        ScreenPixels p = ScreenPixels.copyOf(image);
        int[] live = image.pixels();
        for (int i = 0; i < live.length; i++) {
            live[i] = 0x7FFF0000; // decoder garbage in the top byte
        }
        ScreenRect copied = p.copy(image, new ScreenRect(2, 1, 3, 2));
        assertEquals(new ScreenRect(2, 1, 3, 2), copied);
        assertEquals(0xFFFF0000, p.argb(2, 1));
        assertEquals(0xFFFF0000, p.argb(4, 2));
        assertEquals(0xFF000000, p.argb(1, 1), "left of the rectangle untouched");
        assertEquals(0xFF000000, p.argb(5, 1), "right of the rectangle untouched");
        assertEquals(0xFF000000, p.argb(2, 3), "below the rectangle untouched");
    }

    @Test
    void clipsRectanglesThatReachOutside() {
        ScreenImage image = FakeSessions.solid(5, 5, 0x00FF00);
        ScreenPixels p = new ScreenPixels(5, 5);
        assertEquals(new ScreenRect(3, 0, 2, 2), p.copy(image, new ScreenRect(3, -4, 10, 6)));
        assertEquals(0xFF00FF00, p.argb(4, 1));
        assertEquals(0, p.argb(2, 1));
        assertTrue(p.copy(image, new ScreenRect(9, 9, 2, 2)).isEmpty());
        assertTrue(p.copy(image, new ScreenRect(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE)).equals(new ScreenRect(0, 0, 5, 5)));
    }

    @Test
    void refusesAPictureOfAnotherSize() {
        ScreenPixels p = new ScreenPixels(5, 5);
        ScreenImage other = FakeSessions.solid(6, 5, 0);
        assertTrue(!p.fits(other));
        assertThrows(IllegalArgumentException.class, () -> p.copyAll(other));
        assertThrows(IllegalArgumentException.class, () -> new ScreenPixels(0, 5));
    }
}
