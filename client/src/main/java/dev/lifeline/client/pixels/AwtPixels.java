package dev.lifeline.client.pixels;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Moves pixels between AWT images and the screen codec's {@code int[]} of 0xRRGGBB. getRGB and
 * setRGB go through the colour model pixel by pixel, several times slower than reading the raster;
 * on a 1080p picture (a PNG frame of a replay, the JPEG of a page full of photos) that is tens of
 * milliseconds on the picture's way to the screen.
 */
public final class AwtPixels {
    private AwtPixels() {
    }

    /** Copies the image's pixels (alpha dropped) into {@code dst}, row by row at {@code stride}. */
    public static void copyRgb(BufferedImage image, int[] dst, int offset, int stride) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster raster = image.getRaster();
        int type = image.getType();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) && untranslated
                && raster.getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
            int[] data = ints.getData();
            for (int y = 0; y < h; y++) {
                int from = ints.getOffset() + y * model.getScanlineStride();
                int to = offset + y * stride;
                for (int x = 0; x < w; x++) {
                    dst[to + x] = data[from + x] & 0xFFFFFF;
                }
            }
            return;
        }
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) && untranslated
                && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model) {
            int[] bands = model.getBandOffsets();
            int pixelStride = model.getPixelStride();
            byte[] data = bytes.getData();
            int red = bands[0];
            int green = bands[1];
            int blue = bands[2];
            for (int y = 0; y < h; y++) {
                int at = bytes.getOffset() + y * model.getScanlineStride();
                int to = offset + y * stride;
                for (int x = 0; x < w; x++, at += pixelStride) {
                    dst[to + x] = (data[at + red] & 0xFF) << 16 | (data[at + green] & 0xFF) << 8 | (data[at + blue] & 0xFF);
                }
            }
            return;
        }
        image.getRGB(0, 0, w, h, dst, offset, stride);
        for (int y = 0; y < h; y++) {
            int to = offset + y * stride;
            for (int x = 0; x < w; x++) {
                dst[to + x] &= 0xFFFFFF;
            }
        }
    }

    /**
     * A TYPE_3BYTE_BGR image holding a copy of the region: the layout ImageIO's JPEG writer takes
     * as it is, which encodes about a third faster than from TYPE_INT_RGB, to the same bytes.
     */
    public static BufferedImage toImage(int[] src, int offset, int stride, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int at = 0;
        for (int y = 0; y < height; y++) {
            int from = offset + y * stride;
            for (int x = 0; x < width; x++) {
                int p = src[from + x];
                data[at++] = (byte) p;
                data[at++] = (byte) (p >>> 8);
                data[at++] = (byte) (p >>> 16);
            }
        }
        return image;
    }
}
