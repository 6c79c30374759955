package dev.lifeline.client.photo;

import dev.lifeline.client.pixels.AwtPixels;
import dev.lifeline.common.screen.MalformedScreenUpdateException;
import dev.lifeline.common.screen.PhotoCodec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * JPEG for photo-like screen areas through the JDK's ImageIO (no display needed). Lives in the
 * client because {@code common} stays free of AWT; both apps plug it into the screen codec.
 * One instance per encoder or decoder thread.
 */
public final class JpegPhotoCodec implements PhotoCodec {
    /** Decoding refuses anything bigger before ImageIO allocates for it. */
    public static final int MAX_SIDE = 16_384;

    @Override
    public byte[] encode(int[] pixels, int offset, int stride, int width, int height, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is not 1..100");
        }
        BufferedImage block = AwtPixels.toImage(pixels, offset, stride, width, height);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(width * height / 4 + 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(block, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override
    public void decode(byte[] data, int[] pixels, int offset, int stride, int width, int height)
            throws MalformedScreenUpdateException {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new MalformedScreenUpdateException("photo area of " + width + "x" + height + " is out of range");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // Check the header's size before the reader allocates the picture.
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w != width || h != height) {
                    throw new MalformedScreenUpdateException("photo is " + w + "x" + h + ", the update says "
                            + width + "x" + height);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MalformedScreenUpdateException("photo area is not a JPEG image: " + e.getMessage(), e);
        }
        if (offset < 0 || stride < width || (long) offset + (long) (height - 1) * stride + width > pixels.length) {
            throw new MalformedScreenUpdateException("photo area lies outside the picture");
        }
        AwtPixels.copyRgb(image, pixels, offset, stride);
    }
}
