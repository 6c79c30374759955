package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexModelTest {
    /** Grey levels, one per index: the memory works on colours. */
    private static final int[] PALETTE = new int[256];
    private static final PaletteCoder LOOKUP = new PaletteCoder();

    static {
        for (int i = 0; i < 256; i++) {
            PALETTE[i] = i * 0x010101;
        }
        LOOKUP.lookUp(PALETTE, 256);
    }

    private static byte[] roundTrip(byte[] indices, int w, int h, int[] codedSize) {
        ByteSink out = new ByteSink(64);
        RangeEncoder rc = new RangeEncoder(out);
        byte[] predictions = new byte[w * h];
        new NeighbourhoodMemory().predictRegion(indices, 0, w, h, PALETTE, LOOKUP, predictions, 0);
        new IndexModel().encode(indices, 0, w, h, predictions, 0, rc);
        rc.finish();
        codedSize[0] = out.size();
        byte[] decoded = new byte[w * h];
        new IndexModel().decode(new RangeDecoder(out.array(), 0, out.size()), decoded, w, h,
                new NeighbourhoodMemory().decoding(PALETTE, LOOKUP));
        return decoded;
    }

    @Test
    void randomIndicesComeBackExactly() {
        Random random = new Random(1);
        byte[] indices = new byte[64 * 64];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (byte) random.nextInt(255);
        }
        int[] size = new int[1];
        assertArrayEquals(indices, roundTrip(indices, 64, 64, size));
    }

    @Test
    void flatAreasCostAlmostNothing() {
        byte[] indices = new byte[64 * 64];
        Arrays.fill(indices, 0, 2048, (byte) 3);
        Arrays.fill(indices, 2048, 4096, (byte) 7);
        int[] size = new int[1];
        assertArrayEquals(indices, roundTrip(indices, 64, 64, size));
        assertTrue(size[0] < 40, "two flat halves of a tile coded in " + size[0] + " bytes");
    }

    @Test
    void oddShapesAndSingleRowsAndColumns() {
        Random random = new Random(2);
        for (int[] shape : new int[][] {{1, 1}, {1, 40}, {40, 1}, {7, 13}}) {
            byte[] indices = new byte[shape[0] * shape[1]];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = (byte) random.nextInt(4);
            }
            assertArrayEquals(indices, roundTrip(indices, shape[0], shape[1], new int[1]));
        }
    }

    @Test
    void garbageInputDecodesToBoundedOutputWithoutErrors() {
        byte[] garbage = new byte[100];
        new Random(3).nextBytes(garbage);
        byte[] out = new byte[64 * 64];
        // Past its end the decoder reads zeros: it always stops after the pixels asked for.
        assertDoesNotThrow(() -> new IndexModel().decode(new RangeDecoder(garbage, 0, garbage.length), out, 64, 64,
                new NeighbourhoodMemory().decoding(PALETTE, LOOKUP)));
        assertDoesNotThrow(() -> new IndexModel().decode(new RangeDecoder(garbage, 0, 0), out, 64, 64,
                new NeighbourhoodMemory().decoding(PALETTE, LOOKUP)));
    }
}
