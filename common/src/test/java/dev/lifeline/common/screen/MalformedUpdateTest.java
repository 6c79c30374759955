package dev.lifeline.common.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The viewer's decoder gets bytes from the other end: every lie is a typed error, never a crash. */
class MalformedUpdateTest {
    private static byte[] keyframe() {
        return new ScreenEncoder(PhotoCodec.NONE).encode(SyntheticScreens.desktop(140, 90, 1), Quality.SHARP)
                .slices().get(0);
    }

    /**
     * A hand-built slice: header fields as given, sections laid out as the encoder does; palette
     * indices (raw, before the zip path's +1 transform) go the zstd way.
     */
    private static byte[] slice(int flags, int width, int height, int opCount, byte[] ops, byte[] colours,
                                byte[] indices, byte[] residuals, int photoCount) {
        ByteSink out = new ByteSink(64);
        out.write(SliceFormat.VERSION);
        out.write(flags);
        out.writeVarint(width);
        out.writeVarint(height);
        out.writeVarint(opCount);
        out.writeVarint(ops.length);
        out.writeVarint(colours.length);
        out.writeVarint(residuals.length);
        byte[] body = new byte[ops.length + colours.length + residuals.length];
        System.arraycopy(ops, 0, body, 0, ops.length);
        System.arraycopy(colours, 0, body, ops.length, colours.length);
        System.arraycopy(residuals, 0, body, ops.length + colours.length, residuals.length);
        byte[] packed = Zstd.compress(body);
        out.writeVarint(packed.length);
        out.write(packed, 0, packed.length);
        if (indices.length == 0) {
            out.writeVarint(0);
        } else {
            byte[] shifted = new byte[indices.length];
            for (int i = 0; i < indices.length; i++) {
                shifted[i] = (byte) ((indices[i] & 0xFF) + 1);
            }
            byte[] zipped = Zstd.compress(shifted);
            out.writeVarint(zipped.length);
            out.write(1);
            out.write(zipped, 0, zipped.length);
        }
        out.writeVarint(photoCount);
        return out.toByteArray();
    }

    @Test
    void aHandBuiltSliceOfTheSameLayoutIsAccepted() throws Exception {
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        // Palette of two colours (second is first + (1,1,1)), a checkerboard of indices.
        decoder.apply(slice(KEY, 2, 2, 1, bytes(SliceFormat.OP_PALETTE, 0, 0, 0, 1, 1, 1), bytes(1, 1, 1, 1, 1, 1),
                bytes(0, 1, 1, 0), new byte[0], 0));
        assertEquals(0x010101, decoder.image().rgb(0, 0));
        assertEquals(0x020202, decoder.image().rgb(1, 0));
        assertEquals(0x020202, decoder.image().rgb(0, 1));
    }

    private static final int KEY = SliceFormat.FLAG_KEYFRAME | SliceFormat.FLAG_FIRST | SliceFormat.FLAG_LAST;

    private static void rejected(byte[] slice) {
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        assertThrows(MalformedScreenUpdateException.class, () -> decoder.apply(slice));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void tileOutsideTheFrame() {
        // 128x128 has 4 tiles; tile 4 does not exist.
        rejected(slice(KEY, 128, 128, 1, bytes(SliceFormat.OP_FILL, 4, 0, 0, 0, 0), bytes(1, 2, 3), new byte[0], new byte[0], 0));
    }

    @Test
    void rectangleOverflowingItsTile() {
        // 100x100: tile 1 is 36 pixels wide; a 40-wide rectangle does not fit.
        rejected(slice(KEY, 100, 100, 1, bytes(SliceFormat.OP_FILL, 1, 0, 0, 39, 0), bytes(1, 2, 3), new byte[0], new byte[0], 0));
    }

    @Test
    void lengthsThatLie() {
        byte[] good = slice(KEY, 64, 64, 1, bytes(SliceFormat.OP_FILL, 0, 0, 0, 63, 63), bytes(9, 9, 9), new byte[0], new byte[0], 0);
        // Claim a longer colours section than the compressed body holds.
        byte[] liar = slice(KEY, 64, 64, 1, bytes(SliceFormat.OP_FILL, 0, 0, 0, 63, 63), bytes(9, 9, 9), new byte[0], new byte[0], 0);
        liar[7] = 10;
        rejected(liar);
        rejected(Arrays.copyOf(good, good.length - 3));
        byte[] trailing = Arrays.copyOf(good, good.length + 4);
        rejected(trailing);
    }

    @Test
    void paletteIndexBeyondThePalette() {
        byte[] indices = new byte[4];
        Arrays.fill(indices, (byte) 2);   // index 2 of a 2-colour palette
        rejected(slice(KEY, 2, 2, 1, bytes(SliceFormat.OP_PALETTE, 0, 0, 0, 1, 1, 1), bytes(1, 1, 1, 2, 2, 2), indices, new byte[0], 0));
    }

    @Test
    void copyFromOutsideTheFrameAndEmptyCacheSlots() {
        rejected(slice(KEY, 128, 128, 1, bytes(SliceFormat.OP_COPY, 0, 0, 100), new byte[0], new byte[0], new byte[0], 0));
        rejected(slice(KEY, 128, 128, 1, bytes(SliceFormat.OP_CACHED, 0, 5), new byte[0], new byte[0], new byte[0], 0));
    }

    @Test
    void deltaBeforeAnyKeyframeAndUnknownVersion() {
        rejected(slice(SliceFormat.FLAG_FIRST | SliceFormat.FLAG_LAST, 64, 64, 1,
                bytes(SliceFormat.OP_FILL, 0, 0, 0, 63, 63), bytes(1, 2, 3), new byte[0], new byte[0], 0));
        byte[] future = keyframe();
        future[0] = 99;
        rejected(future);
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAllocation() {
        rejected(slice(KEY, 20000, 64, 0, new byte[0], new byte[0], new byte[0], new byte[0], 0));
        // Both sides within bounds but together 1 GiB of pixels: refused before any allocation.
        rejected(slice(KEY, 16384, 16384, 0, new byte[0], new byte[0], new byte[0], new byte[0], 0));
        ByteSink bomb = new ByteSink(16);
        bomb.write(SliceFormat.VERSION);
        bomb.write(KEY);
        bomb.writeVarint(64);
        bomb.writeVarint(64);
        bomb.writeVarint(1);
        bomb.writeVarint(Integer.MAX_VALUE);
        rejected(bomb.toByteArray());
    }

    @Test
    void photoTilesWithoutAPhotoCodec() {
        byte[] s = slice(KEY, 64, 64, 1, bytes(SliceFormat.OP_PHOTO, 0), new byte[0], new byte[0], new byte[0], 1);
        byte[] withPhoto = Arrays.copyOf(s, s.length + 3);
        withPhoto[s.length] = 2;
        rejected(withPhoto);
    }

    @Test
    void everyTruncationAndManyBitFlipsAreTypedErrors() {
        byte[] good = keyframe();
        for (int length = 0; length < good.length; length++) {
            rejected(Arrays.copyOf(good, length));
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
            ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
            try {
                decoder.apply(bad);
            } catch (MalformedScreenUpdateException expected) {
                // fine: typed
            } catch (RuntimeException e) {
                fail("flip " + i + " escaped as " + e);
            }
        }
        assertTrue(good.length > 10);
    }
}
