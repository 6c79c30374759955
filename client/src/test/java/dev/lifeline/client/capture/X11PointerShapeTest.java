package dev.lifeline.client.capture;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lifeline.client.screen.CursorShape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pointer's look from a real X server (Xvfb in the suite). */
@Tag("display")
class X11PointerShapeTest {
    @Test
    void theServersPointerImageIsReadWithItsHotSpot() {
        assumeTrue(System.getenv("DISPLAY") != null, "no X display: run under xvfb-run");
        try (X11PointerShape pointer = X11PointerShape.open()) {
            assertNotNull(pointer, "XFixes is available on this X server");
            CursorShape shape = pointer.current();
            assertNotNull(shape);
            assertTrue(shape.width() > 1 && shape.height() > 1, shape.toString());
            boolean anyOpaque = false;
            for (int argb : shape.argb()) {
                anyOpaque |= (argb >>> 24) != 0;
            }
            assertTrue(anyOpaque, "the pointer image has visible pixels");
            assertSame(shape, pointer.current(), "unchanged pointer: the same shape, not read again");
        }
    }
}
