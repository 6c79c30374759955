package dev.lifeline.client.capture;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.screen.ScreenImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Plays a folder of PNG frames (sorted by file name, looping) as if it were a screen changing at
 * {@code fps}: each capture returns the frame due at that moment, so a slow reader skips frames
 * like it would on a real screen. Frames are decoded once, up front, so a capture costs nothing.
 * Works without a display (tests, benchmarks, {@code gethelp --replay}).
 */
public final class ReplayScreenSource implements ScreenSource {
    /** Keeps a mistaken folder (a photo library, say) from filling the memory. */
    public static final int MAX_FRAMES = 2000;
    public static final long MAX_PIXEL_BYTES = 2L << 30;

    private final List<ScreenImage> frames;
    private final double fps;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final List<MonitorInfo> monitors;

    ReplayScreenSource(List<ScreenImage> frames, double fps, LongSupplier nanoTime) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps " + fps + " out of range");
        }
        this.frames = List.copyOf(frames);
        this.fps = fps;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        ScreenImage first = frames.get(0);
        this.monitors = List.of(new MonitorInfo(0, "replay", 0, 0, first.width(), first.height(), true));
    }

    public static ReplayScreenSource open(Path folder, double fps) throws CaptureUnavailableException {
        return new ReplayScreenSource(load(folder), fps, System::nanoTime);
    }

    /** The folder's PNG files in name order. */
    static List<Path> framePaths(Path folder) throws CaptureUnavailableException {
        if (!Files.isDirectory(folder)) {
            throw new CaptureUnavailableException("replay folder " + folder + " does not exist");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pngs = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (pngs.isEmpty()) {
                throw new CaptureUnavailableException("replay folder " + folder + " holds no PNG frames");
            }
            if (pngs.size() > MAX_FRAMES) {
                throw new CaptureUnavailableException("replay folder " + folder + " holds more than " + MAX_FRAMES + " frames");
            }
            return pngs;
        } catch (IOException e) {
            throw new CaptureUnavailableException("replay folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    static List<ScreenImage> load(Path folder) throws CaptureUnavailableException {
        List<ScreenImage> frames = new ArrayList<>();
        long bytes = 0;
        for (Path png : framePaths(folder)) {
            BufferedImage image;
            try {
                image = ImageIO.read(png.toFile());
            } catch (IOException e) {
                throw new CaptureUnavailableException("replay frame " + png.getFileName() + " cannot be read: " + e.getMessage(), e);
            }
            if (image == null) {
                throw new CaptureUnavailableException("replay frame " + png.getFileName() + " is not a PNG image");
            }
            bytes += 4L * image.getWidth() * image.getHeight();
            if (bytes > MAX_PIXEL_BYTES) {
                throw new CaptureUnavailableException("replay folder " + folder + " is too large to hold in memory");
            }
            frames.add(RobotScreenSource.toScreenImage(image));
        }
        return frames;
    }

    /** Index of the frame due now. */
    public int frameIndexNow() {
        long elapsed = nanoTime.getAsLong() - startNanos;
        return (int) ((long) (elapsed * fps / 1e9) % frames.size());
    }

    public int frameCount() {
        return frames.size();
    }

    @Override
    public List<MonitorInfo> monitors() {
        return monitors;
    }

    @Override
    public ScreenImage capture(int monitor) {
        if (monitor != 0) {
            throw new IndexOutOfBoundsException("a replay has one monitor, not " + (monitor + 1));
        }
        return frames.get(frameIndexNow());
    }

    @Override
    public CursorPosition cursor(int monitor) {
        return CursorPosition.HIDDEN;
    }

    @Override
    public void close() {
    }
}
