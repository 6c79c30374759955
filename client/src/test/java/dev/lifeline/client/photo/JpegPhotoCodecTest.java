package dev.lifeline.client.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.screen.MalformedScreenUpdateException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class JpegPhotoCodecTest {
    private final JpegPhotoCodec codec = new JpegPhotoCodec();

    /** A smooth gradient block inside a larger picture (offset and stride in use). */
    private static int[] picture(int stride, int rows) {
        int[] px = new int[stride * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < stride; x++) {
                px[y * stride + x] = (x * 3 & 0xFF) << 16 | (y * 4 & 0xFF) << 8 | ((x + y) & 0xFF);
            }
        }
        return px;
    }

    @Test
    void roundTripStaysCloseAndHigherQualityIsCloser() throws Exception {
        int stride = 100;
        int[] source = picture(stride, 80);
        int offset = 10 * stride + 20;
        double errorHigh = roundTripError(source, offset, stride, 90);
        double errorLow = roundTripError(source, offset, stride, 20);
        assertTrue(errorHigh < 3.0, "mean error at quality 90: " + errorHigh);
        assertTrue(errorLow < 12.0, "mean error at quality 20: " + errorLow);
        assertTrue(errorHigh < errorLow, errorHigh + " vs " + errorLow);
        assertTrue(codec.encode(source, offset, stride, 64, 48, 20).length < codec.encode(source, offset, stride, 64, 48, 90).length);
    }

    private double roundTripError(int[] source, int offset, int stride, int quality) throws Exception {
        byte[] jpeg = codec.encode(source, offset, stride, 64, 48, quality);
        int[] target = new int[stride * 80];
        target[offset - 1] = 0x777777;
        codec.decode(jpeg, target, offset, stride, 64, 48);
        assertEquals(0x777777, target[offset - 1], "nothing outside the block is written");
        assertEquals(0, target[offset + 64], "nothing right of the block is written");
        long sum = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int a = source[offset + y * stride + x];
                int b = target[offset + y * stride + x];
                assertEquals(0, b >>> 24, "no alpha byte");
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                }
            }
        }
        return sum / (64.0 * 48 * 3);
    }

    @Test
    void theFasterByteLayoutEncodesToTheSameJpegAsThePixelsThemselves() throws Exception {
        int stride = 100;
        int[] source = picture(stride, 80);
        int offset = 10 * stride + 20;
        BufferedImage plain = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                plain.setRGB(x, y, source[offset + y * stride + x]);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(expected)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(plain, null, null), param);
        } finally {
            writer.dispose();
        }
        assertArrayEquals(expected.toByteArray(), codec.encode(source, offset, stride, 64, 48, 85));
    }

    @Test
    void decodeRefusesAnotherSizeGarbageAndBlocksOutsideThePicture() {
        int[] source = picture(64, 48);
        byte[] jpeg = codec.encode(source, 0, 64, 64, 48, 80);
        int[] target = new int[64 * 48];
        MalformedScreenUpdateException size = assertThrows(MalformedScreenUpdateException.class,
                () -> codec.decode(jpeg, target, 0, 64, 32, 48));
        assertTrue(size.getMessage().contains("64x48"), size.getMessage());
        assertThrows(MalformedScreenUpdateException.class, () -> codec.decode(new byte[] {1, 2, 3}, target, 0, 64, 64, 48));
        assertThrows(MalformedScreenUpdateException.class, () -> codec.decode(jpeg, target, 64, 64, 64, 48));
        assertThrows(MalformedScreenUpdateException.class, () -> codec.decode(jpeg, target, 0, 64, 0, 48));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(source, 0, 64, 64, 48, 0));
    }
}
