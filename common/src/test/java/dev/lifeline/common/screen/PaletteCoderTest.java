package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaletteCoderTest {
    private final PaletteCoder coder = new PaletteCoder();

    @Test
    void indexOfAnswersForTheLatestPaletteOnly() {
        coder.lookUp(new int[] {0x000000, 0xFFFFFF, 0x336699}, 3);
        assertEquals(2, coder.indexOf(0x336699));
        assertEquals(2, coder.indexOf(0x336699));
        assertEquals(-1, coder.indexOf(0x123456));

        // The same colour at another index in the next region's palette, then absent.
        coder.lookUp(new int[] {0x336699, 0x000000}, 2);
        assertEquals(0, coder.indexOf(0x336699));
        coder.lookUp(new int[] {0x000000, 0xFFFFFF}, 2);
        assertEquals(-1, coder.indexOf(0x336699));
        assertEquals(1, coder.indexOf(0xFFFFFF));
    }

    @Test
    void indexingARegionForgetsTheLastAnswer() {
        coder.lookUp(new int[] {0x000000, 0xFFFFFF}, 2);
        assertEquals(1, coder.indexOf(0xFFFFFF));
        int[] pixels = {0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF};
        ByteSink indices = new ByteSink(16);
        assertEquals(4, coder.indexRegion(pixels, 2, 0, 0, 2, 2, indices));
        coder.writePalette(4, indices, 2, 2, new ByteSink(16));
        // Sorted: 0x0000FF, 0x00FF00, 0xFF0000, 0xFFFFFF.
        assertEquals(3, coder.indexOf(0xFFFFFF));
        assertEquals(0, coder.indexOf(0x0000FF));
    }
}
