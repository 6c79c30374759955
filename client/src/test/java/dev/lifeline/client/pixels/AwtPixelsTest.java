package dev.lifeline.client.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AwtPixelsTest {
    private static final int W = 37;
    private static final int H = 21;

    @Test
    void everyImageLayoutComesOutAsTheColourModelSeesItWithoutAlpha() {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_BGR};
        for (int type : types) {
            BufferedImage image = new BufferedImage(W, H, type);
            Random random = new Random(type);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    image.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
                }
            }
            int[] expected = image.getRGB(0, 0, W, H, null, 0, W);
            // Into the middle of a wider picture: offset and stride must be honoured, the rest untouched.
            int stride = W + 5;
            int offset = 2 * stride + 3;
            int[] picture = new int[stride * (H + 4)];
            java.util.Arrays.fill(picture, 0x123456);
            AwtPixels.copyRgb(image, picture, offset, stride);
            for (int y = 0; y < H + 4; y++) {
                for (int x = 0; x < stride; x++) {
                    boolean inside = y >= 2 && y < H + 2 && x >= 3 && x < W + 3;
                    int want = inside ? expected[(y - 2) * W + (x - 3)] & 0xFFFFFF : 0x123456;
                    assertEquals(want, picture[y * stride + x], "type " + type + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aRegionBecomesAnImageOfItsPixels() {
        int stride = 50;
        int[] picture = new int[stride * 30];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = (int) (i * 2654435761L) & 0xFFFFFF;
        }
        BufferedImage image = AwtPixels.toImage(picture, 4 * stride + 7, stride, W, H);
        int[] back = new int[W * H];
        AwtPixels.copyRgb(image, back, 0, W);
        int[] expected = new int[W * H];
        for (int y = 0; y < H; y++) {
            System.arraycopy(picture, (4 + y) * stride + 7, expected, y * W, W);
        }
        assertArrayEquals(expected, back);
    }
}
