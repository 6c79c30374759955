package dev.lifeline.client.bench;

import dev.lifeline.common.screen.ScreenImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG screen frames as the codec sees them. */
public final class ScreenFrames {
    private ScreenFrames() {
    }

    public static ScreenImage load(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException("not an image: " + png);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] pixels = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return new ScreenImage(w, h, pixels);
    }
}
