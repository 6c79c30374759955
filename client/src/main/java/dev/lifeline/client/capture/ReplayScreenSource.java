package dev.lifeline.client.capture;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.screen.ScreenImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Plays a folder of PNG frames (sorted by file name, looping) as if it were a screen changing at
 * {@code fps}: each capture returns the frame due at that moment, so a slow reader skips frames
 * like it would on a real screen. A short folder (up to {@link #IN_MEMORY_BYTES} of pixels) is
 * decoded once, up front, so a capture costs nothing; a longer one is read from disk a few frames
 * ahead, so it needs a few frames of memory, not its length. Works without a display (tests,
 * benchmarks, {@code gethelp --replay}).
 */
public final class ReplayScreenSource implements ScreenSource {
    /** Keeps a mistaken folder (a whole disk, say) from filling the memory with file names. */
    public static final int MAX_FRAMES = 100_000;
    /** Folders with more pixels than this are read from disk while playing. */
    public static final long IN_MEMORY_BYTES = 512L << 20;
    /** Frames decoded ahead of the one shown when reading from disk. */
    static final int READ_AHEAD = 3;

    private final ReplayFrames frames;
    private final double fps;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final List<MonitorInfo> monitors;

    ReplayScreenSource(ReplayFrames frames, double fps, LongSupplier nanoTime) {
        if (!(fps > 0 && fps <= 1000)) {
            frames.close();
            throw new IllegalArgumentException("fps " + fps + " out of range");
        }
        this.frames = frames;
        this.fps = fps;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.monitors = List.of(new MonitorInfo(0, "replay", 0, 0, frames.width(), frames.height(), true));
    }

    ReplayScreenSource(List<ScreenImage> frames, double fps, LongSupplier nanoTime) {
        this(ReplayFrames.inMemory(frames), fps, nanoTime);
    }

    public static ReplayScreenSource open(Path folder, double fps) throws CaptureUnavailableException {
        return new ReplayScreenSource(frames(folder, IN_MEMORY_BYTES).get(), fps, System::nanoTime);
    }

    /**
     * The folder's frames, for as many sources as asked: decoded now and shared when they fit in
     * {@code inMemoryBytes}, else a reader from disk for each source (started when it is asked for).
     */
    static Supplier<ReplayFrames> frames(Path folder, long inMemoryBytes) throws CaptureUnavailableException {
        List<Path> paths = framePaths(folder);
        int[] size = pngSize(paths.get(0));
        if (4L * size[0] * size[1] * paths.size() <= inMemoryBytes) {
            ReplayFrames held = ReplayFrames.inMemory(load(paths, inMemoryBytes));
            return () -> held;
        }
        return () -> new ReadAheadFrames(paths, READ_AHEAD, size[0], size[1]);
    }

    /** The folder's PNG files in name order. */
    static List<Path> framePaths(Path folder) throws CaptureUnavailableException {
        if (!Files.isDirectory(folder)) {
            throw new CaptureUnavailableException("replay folder " + folder + " does not exist");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pngs = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png"))
                    .filter(Files::isRegularFile)
                    .limit(MAX_FRAMES + 1L)
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

    /** Width and height from the PNG header, without decoding the picture. */
    private static int[] pngSize(Path png) throws CaptureUnavailableException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CaptureUnavailableException("replay frame " + png.getFileName() + " is not a PNG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new CaptureUnavailableException("replay frame " + png.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Decodes every frame of the folder (it must fit in {@link #IN_MEMORY_BYTES}). */
    static List<ScreenImage> load(Path folder) throws CaptureUnavailableException {
        return load(framePaths(folder), IN_MEMORY_BYTES);
    }

    private static List<ScreenImage> load(List<Path> paths, long maxBytes) throws CaptureUnavailableException {
        List<ScreenImage> frames = new ArrayList<>();
        long bytes = 0;
        for (Path png : paths) {
            ScreenImage image = read(png);
            bytes += 4L * image.width() * image.height();
            if (bytes > maxBytes) {
                // Frames of different sizes defeated the estimate from the first one.
                throw new CaptureUnavailableException("replay frames in " + png.getParent() + " are too large to hold in memory");
            }
            frames.add(image);
        }
        return frames;
    }

    /** One frame, decoded. */
    static ScreenImage read(Path png) throws CaptureUnavailableException {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException | RuntimeException e) {
            throw new CaptureUnavailableException("replay frame " + png.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new CaptureUnavailableException("replay frame " + png.getFileName() + " is not a PNG image");
        }
        return RobotScreenSource.toScreenImage(image);
    }

    /** Index of the frame due now. */
    public int frameIndexNow() {
        return (int) (tickNow() % frames.count());
    }

    private long tickNow() {
        long elapsed = nanoTime.getAsLong() - startNanos;
        return (long) (elapsed * fps / 1e9);
    }

    public int frameCount() {
        return frames.count();
    }

    @Override
    public List<MonitorInfo> monitors() {
        return monitors;
    }

    @Override
    public ScreenImage capture(int monitor) throws CaptureUnavailableException {
        if (monitor != 0) {
            throw new IndexOutOfBoundsException("a replay has one monitor, not " + (monitor + 1));
        }
        return frames.frame(tickNow());
    }

    @Override
    public CursorPosition cursor(int monitor) {
        return CursorPosition.HIDDEN;
    }

    @Override
    public void close() {
        frames.close();
    }
}
