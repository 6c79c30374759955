package dev.lifeline.client.headless;

import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A copy of the last remote picture, kept up to date from the changed areas, for saving as PNG. */
final class LastPicture {
    private int width;
    private int height;
    private int[] pixels;

    synchronized void copy(RemoteScreenFrame frame) {
        ScreenImage image = frame.image();
        ScreenRect area = frame.changed();
        if (pixels == null || width != image.width() || height != image.height()) {
            width = image.width();
            height = image.height();
            pixels = new int[width * height];
            area = new ScreenRect(0, 0, width, height);
        }
        for (int y = area.y(); y < area.y() + area.height(); y++) {
            System.arraycopy(image.pixels(), y * width + area.x(), pixels, y * width + area.x(), area.width());
        }
    }

    /** Returns false when no picture arrived. */
    synchronized boolean writePng(Path file) throws IOException {
        if (pixels == null) {
            return false;
        }
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return true;
    }
}
