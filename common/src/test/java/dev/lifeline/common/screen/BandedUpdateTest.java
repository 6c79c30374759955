package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Big updates leave the encoder band by band, each decodable before the next is coded. */
class BandedUpdateTest {
    private final ScreenEncoder encoder = new ScreenEncoder(PhotoCodec.NONE);
    private final ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);

    /** Decodes each slice the moment the encoder hands it over, noting how much of the picture was right by then. */
    private final class DecodingSink implements SliceSink {
        final List<byte[]> slices = new ArrayList<>();
        final List<Boolean> firsts = new ArrayList<>();
        final List<Boolean> lasts = new ArrayList<>();
        /** Per slice: rows from the top that already equal the target when the slice arrived. */
        final List<Integer> exactRows = new ArrayList<>();
        private final ScreenImage target;

        DecodingSink(ScreenImage target) {
            this.target = target;
        }

        @Override
        public void slice(byte[] slice, boolean keyframe, boolean first, boolean last) {
            slices.add(slice);
            firsts.add(first);
            lasts.add(last);
            try {
                decoder.apply(slice);
            } catch (MalformedScreenUpdateException e) {
                throw new AssertionError(e);
            }
            int w = target.width();
            int rows = 0;
            while (rows < target.height() && Arrays.equals(target.pixels(), rows * w, (rows + 1) * w,
                    decoder.image().pixels(), rows * w, (rows + 1) * w)) {
                rows++;
            }
            exactRows.add(rows);
        }
    }

    @Test
    void aFullScreenChangeArrivesInBandsFromTheTopEachDecodableAtOnce() {
        ScreenImage first = SyntheticScreens.desktop(1920, 1080, 1);
        DecodingSink keyframe = new DecodingSink(first);
        EncodedUpdate update = encoder.encode(first, Quality.SHARP, false, keyframe);
        assertTrue(update.keyframe());
        assertSlicing(keyframe, update);

        ScreenImage next = SyntheticScreens.noise(1920, 1080, 2);
        DecodingSink change = new DecodingSink(next);
        update = encoder.encode(next, Quality.SHARP, false, change);
        assertFalse(update.keyframe());
        assertSlicing(change, update);
        assertArrayEquals(next.pixels(), decoder.image().pixels());
    }

    private static void assertSlicing(DecodingSink sink, EncodedUpdate update) {
        int n = sink.slices.size();
        // Bands, each split again only where it would not fit one message (incompressible noise).
        assertTrue(n >= 3 && n <= 12, n + " slices for a full 1080p change");
        assertEquals(update.slices().size(), n);
        for (int i = 0; i < n; i++) {
            assertTrue(sink.slices.get(i) == update.slices().get(i), "slice " + i + " differs from the update's");
            assertEquals(i == 0, sink.firsts.get(i), "first flag of slice " + i);
            assertEquals(i == n - 1, sink.lasts.get(i), "last flag of slice " + i);
        }
        // The top of the screen is right after the first band, more after each next, all at the end.
        int firstBand = sink.exactRows.get(0);
        assertTrue(firstBand >= TileGrid.TILE && firstBand < 1080, "first band covers " + firstBand + " rows");
        for (int i = 1; i < n; i++) {
            assertTrue(sink.exactRows.get(i) > sink.exactRows.get(i - 1), "band " + i + " adds rows: " + sink.exactRows);
        }
        assertEquals(1080, sink.exactRows.get(n - 1));
    }

    @Test
    void aSmallChangeStaysOneSlice() throws Exception {
        ScreenImage screen = SyntheticScreens.desktop(1920, 1080, 3);
        for (byte[] slice : encoder.encode(screen, Quality.SHARP).slices()) {
            decoder.apply(slice);
        }
        ScreenImage typed = SyntheticScreens.copy(screen);
        SyntheticScreens.window(typed, 300, 200, 400, 250, 0xFFFFFF, 4);
        DecodingSink sink = new DecodingSink(typed);
        encoder.encode(typed, Quality.SHARP, false, sink);
        assertEquals(List.of(true), sink.firsts);
        assertEquals(List.of(true), sink.lasts);
        assertArrayEquals(typed.pixels(), decoder.image().pixels());
    }
}
