package dev.lifeline.client.bench;

import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.common.screen.EncodedUpdate;
import dev.lifeline.common.screen.MalformedScreenUpdateException;
import dev.lifeline.common.screen.PhotoCodec;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenDecoder;
import dev.lifeline.common.screen.ScreenEncoder;
import dev.lifeline.common.screen.ScreenImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays folders of screen frames through the encoder and decoder, one thread, and reports bytes
 * and milliseconds per frame and whether the viewer's picture came out pixel-exact.
 * {@code ./lifeline bench screen --corpus DIR --mode sharp|auto --out FILE.csv}.
 */
@Command(name = "bench screen", mixinStandardHelpOptions = true,
        description = "Screen codec benchmark: every sub-folder of PNG frames in the corpus is a scenario.")
public final class ScreenCodecBenchmark implements Callable<Integer> {
    static final String CSV_HEADER = "scenario,frames,mean_bytes,p95_bytes,encode_ms_mean,encode_ms_p95,decode_ms_mean,exact";

    @Option(names = "--corpus", description = "Folder whose sub-folders hold PNG frames (default: ../shared/corpus).")
    Path corpus = Path.of("..", "shared", "corpus");

    @Option(names = "--mode", description = "sharp (lossless), auto or fast.")
    String mode = "sharp";

    @Option(names = "--out", description = "CSV file to write (default: print only).")
    Path out;

    @Option(names = "--frames", description = "At most this many frames per scenario (default: all).")
    int maxFrames = Integer.MAX_VALUE;

    @Option(names = "--repeat", description = "Runs per scenario; each frame's time is the fastest of them,"
            + " which filters out the noise of a shared machine (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--report", description = "Also rewrite the screen codec section of this markdown file"
            + " (docs/benchmarks.md), running Sharp and Auto.")
    Path report;

    /** JPEG for Auto and Fast; Sharp never calls it. */
    Supplier<PhotoCodec> photoCodec = JpegPhotoCodec::new;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScreenCodecBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (report != null) {
            writeReport(report);
            return 0;
        }
        Quality quality = Quality.valueOf(mode.toUpperCase(Locale.ROOT));
        List<Row> rows = run(quality);
        print(rows, System.out);
        if (out != null) {
            writeCsv(rows, out);
            System.out.println("wrote " + out);
        }
        return 0;
    }

    List<Row> run(Quality quality) throws IOException, MalformedScreenUpdateException {
        List<Path> scenarios;
        try (Stream<Path> list = Files.list(corpus)) {
            scenarios = list.filter(Files::isDirectory).filter(ScreenCodecBenchmark::hasFrames).sorted().toList();
        }
        if (scenarios.isEmpty()) {
            throw new IOException("no folders of PNG frames in " + corpus.toAbsolutePath());
        }
        warmUp(scenarios.get(0), quality);
        List<Row> rows = new ArrayList<>();
        for (Path scenario : scenarios) {
            rows.add(measure(scenario, quality));
        }
        return rows;
    }

    private static boolean hasFrames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(ScreenCodecBenchmark::isPng);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPng(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /** Lets the JIT compile the codec before anything is timed. */
    private void warmUp(Path scenario, Quality quality) throws IOException, MalformedScreenUpdateException {
        List<Path> frames = frames(scenario);
        ScreenEncoder encoder = new ScreenEncoder(photoCodec.get());
        ScreenDecoder decoder = new ScreenDecoder(photoCodec.get());
        for (int round = 0; round < 3; round++) {
            for (Path frame : frames.subList(0, Math.min(8, frames.size()))) {
                for (byte[] slice : encoder.encode(load(frame), quality).slices()) {
                    decoder.apply(slice);
                }
            }
        }
    }

    private List<Path> frames(Path scenario) throws IOException {
        try (Stream<Path> files = Files.list(scenario)) {
            return files.filter(ScreenCodecBenchmark::isPng).sorted().limit(maxFrames).toList();
        }
    }

    private Row measure(Path scenario, Quality quality) throws IOException, MalformedScreenUpdateException {
        List<Path> paths = frames(scenario);
        List<ScreenImage> frames = new ArrayList<>();
        for (Path path : paths) {
            frames.add(load(path));
        }
        int n = frames.size();
        long[] bytes = new long[n];
        double[] encodeMs = new double[n];
        double[] decodeMs = new double[n];
        Arrays.fill(encodeMs, Double.MAX_VALUE);
        Arrays.fill(decodeMs, Double.MAX_VALUE);
        boolean exact = true;
        for (int run = 0; run < Math.max(1, repeat); run++) {
            ScreenEncoder encoder = new ScreenEncoder(photoCodec.get());
            ScreenDecoder decoder = new ScreenDecoder(photoCodec.get());
            for (int i = 0; i < n; i++) {
                // The encoder may keep the array it is given; each run gets its own copy.
                ScreenImage image = new ScreenImage(frames.get(i).width(), frames.get(i).height(),
                        frames.get(i).pixels().clone());
                long t0 = System.nanoTime();
                EncodedUpdate update = encoder.encode(image, quality);
                long t1 = System.nanoTime();
                for (byte[] slice : update.slices()) {
                    decoder.apply(slice);
                }
                long t2 = System.nanoTime();
                bytes[i] = update.totalBytes();
                encodeMs[i] = Math.min(encodeMs[i], (t1 - t0) / 1e6);
                decodeMs[i] = Math.min(decodeMs[i], (t2 - t1) / 1e6);
                exact &= decoder.image() != null && Arrays.equals(decoder.image().pixels(), image.pixels());
            }
        }
        return new Row(scenario.getFileName().toString(), n, mean(bytes), p95(bytes),
                mean(encodeMs), p95(encodeMs), mean(decodeMs), exact);
    }

    static ScreenImage load(Path png) throws IOException {
        return ScreenFrames.load(png);
    }

    record Row(String scenario, int frames, double meanBytes, double p95Bytes, double encodeMsMean,
               double encodeMsP95, double decodeMsMean, boolean exact) {
        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%.0f,%.0f,%.2f,%.2f,%.2f,%s", scenario, frames, meanBytes,
                    p95Bytes, encodeMsMean, encodeMsP95, decodeMsMean, exact ? "yes" : "no");
        }
    }

    static void print(List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-12s %6s %12s %12s %10s %10s %10s %6s%n", "scenario", "frames", "mean_bytes",
                "p95_bytes", "enc_ms", "enc_p95", "dec_ms", "exact");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-12s %6d %12.0f %12.0f %10.2f %10.2f %10.2f %6s%n", r.scenario(), r.frames(),
                    r.meanBytes(), r.p95Bytes(), r.encodeMsMean(), r.encodeMsP95(), r.decodeMsMean(),
                    r.exact() ? "yes" : "no");
        }
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** Dayon's lossless colour mode (zip) on the shared corpus: mean KB and ms per frame. */
    private static final java.util.Map<String, double[]> DAYON = java.util.Map.of(
            "terminal", new double[] {55.7, 15.8}, "browser", new double[] {217.6, 23.7},
            "office", new double[] {3.9, 6.6}, "motion-gl", new double[] {38.1, 37.6});

    private void writeReport(Path file) throws Exception {
        StringBuilder md = new StringBuilder("## Screen codec (issue 3)\n\n");
        md.append("`./lifeline bench screen --corpus ").append(corpus).append(" --mode sharp|auto --out FILE.csv`;")
                .append(" one thread, encoder and decoder in one JVM after a warm-up; each frame's time is the fastest of ")
                .append(repeat).append(" runs; ").append(machine())
                .append(". Bytes and milliseconds are per 1920x1080 frame, the first (key)frame included.\n\n");
        for (Quality quality : new Quality[] {Quality.SHARP, Quality.AUTO}) {
            List<Row> rows = run(quality);
            print(rows, System.out);
            md.append("### ").append(quality == Quality.SHARP ? "Sharp (lossless)" : "Auto (JPEG for photo tiles)")
                    .append("\n\n| scenario | frames | mean bytes | p95 bytes | encode ms mean | encode ms p95 |")
                    .append(" decode ms mean | pixel-exact |");
            if (quality == Quality.SHARP) {
                md.append(" bytes vs Dayon zip | encode vs Dayon |");
            }
            md.append("\n|---|---|---|---|---|---|---|---|").append(quality == Quality.SHARP ? "---|---|" : "").append('\n');
            for (Row r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %s |", r.scenario(),
                        r.frames(), r.meanBytes(), r.p95Bytes(), r.encodeMsMean(), r.encodeMsP95(), r.decodeMsMean(),
                        r.exact() ? "yes" : "no"));
                double[] dayon = DAYON.get(r.scenario());
                if (quality == Quality.SHARP) {
                    md.append(dayon == null ? " | |" : String.format(Locale.ROOT, " %.2fx (goal ≤ 0.5x) | %.2fx (goal ≤ 0.5x) |",
                            r.meanBytes() / 1000 / dayon[0], r.encodeMsMean() / dayon[1]));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        BenchmarkReport.replaceSection(file, "## Screen codec (issue 3)", md.toString());
        System.out.println("wrote the screen codec section of " + file);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version")
                + ", measured " + LocalDate.now() + String.format(Locale.ROOT, " at load average %.1f, nice ", BenchmarkReport.load())
                + BenchmarkReport.priority();
    }

    private static double mean(long[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double p95(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    private static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[(int) Math.ceil(0.95 * s.length) - 1];
    }
}
