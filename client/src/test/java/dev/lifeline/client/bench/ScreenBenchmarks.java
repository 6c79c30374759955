package dev.lifeline.client.bench;

import dev.lifeline.client.capture.CaptureUnavailableException;
import dev.lifeline.client.capture.CursorPosition;
import dev.lifeline.client.capture.ReplayScreenSource;
import dev.lifeline.client.capture.ScreenSource;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Glass-to-glass screen streaming on a loopback relay with the default limits: each corpus
 * scenario replayed at 30 fps (every tick a new picture, harder than the 3.3 fps it was recorded
 * at) through Get Help's sender and the Console's viewer, in AUTO and SHARP. Latency is exact,
 * not estimated: the replay source stamps its capture time into the first 64 pixels of each new
 * frame and the viewer reads it back from the decoded picture. Writes the screen section of
 * docs/benchmarks.md. Arguments: output file, corpus folder (default ../shared/corpus), runs per
 * row (default 1; on a shared machine run several and report them all), optionally one scenario name
 * to measure only that one (for iterating; the section then holds only that scenario). The load average and
 * this process's nice value go into the report, since on a busy machine they decide the result.
 */
public final class ScreenBenchmarks {
    private static final String HEADING = "## Screen streaming (issue 3)";
    private static final double REPLAY_FPS = 30;
    private static final long WARM_UP_MS = 2_000;
    /** Per scenario and quality, before any row is measured. */
    private static final long JIT_WARM_UP_MS = 4_000;
    private static final long MEASURE_MS = 8_000;
    private static final int STAMP_BITS = 64;

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Path corpus = args.length > 1 ? Path.of(args[1]) : findCorpus();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String only = args.length > 3 ? args[3] : null;
        StringBuilder report = new StringBuilder(HEADING + "\n\n");
        if (corpus == null) {
            report.append("Not measured: no screen corpus (`../shared/corpus`) on this machine.\n\n");
            BenchmarkReport.replaceSection(output, HEADING, report.toString());
            System.out.println(report);
            return;
        }
        report.append("Measured ").append(LocalDate.now()).append(" on this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("), relay (default limits) and both apps in one JVM on loopback, TLS 1.3. Each scenario of")
                .append(" the corpus replayed at 30 fps, so every capture tick sees a new 1920x1080 picture;")
                .append(" sender capped at 30 fps, at most two updates in flight. Glass-to-glass = capture on the")
                .append(" customer's side to picture decoded at the technician (exact: the capture time is stamped")
                .append(" into the picture). ").append(MEASURE_MS / 1000).append(" s per row after ")
                .append(WARM_UP_MS / 1000).append(" s warm-up, after a first unmeasured pass of ")
                .append((WARM_UP_MS + JIT_WARM_UP_MS) / 1000).append(" s per scenario and quality (the JIT compiles the codec")
                .append(" paths of every scenario before the first row). Goal: p95 < 60 ms and >= 25 fps for terminal and browser.")
                .append(" Big updates leave the encoder band by band (docs/screen-codec.md), so the viewer decodes the")
                .append(" top of the screen while the bottom is coded. Run at nice ").append(BenchmarkReport.priority())
                .append("; the 1-minute load average is given per row (the machine is shared: read the rows with it).\n\n");
        report.append("| scenario | quality | frames | fps | glass-to-glass mean ms | p95 ms | estimated latency (viewer stats) ms | kbit/s | load before / after | note |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder stageTable = new StringBuilder("\nWhere the time goes (mean ms per picture; the slowest 5 % separately): ")
                .append(String.join(" · ", Stages.NAMES)).append(".\n\n| scenario | quality | pictures | glass-to-glass |");
        for (String name : Stages.NAMES) {
            stageTable.append(' ').append(name).append(" |");
        }
        stageTable.append("\n|---|---|---|---|").append("---|".repeat(Stages.NAMES.length)).append('\n');
        Path dataDir = Files.createTempDirectory("lifeline-screen-bench");
        TechnicianIdentity technician = OrganisationCa.create("Bench Support").issueTechnician("Bench", Duration.ofDays(1));
        try (RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(dataDir.resolve("relay"))
                .bindAddress("127.0.0.1").port(0).joinsPerMinutePerAddress(10_000).build());
             RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()))) {
            List<Path> selected = scenarios(corpus).stream()
                    .filter(scenario -> only == null || scenario.getFileName().toString().equals(only)).toList();
            // JIT warm-up: every scenario in both qualities once, unmeasured, so the first rows do
            // not pay for compiling code paths that only later scenarios reach.
            for (Path scenario : selected) {
                ReplayScreenSource replay = ReplayScreenSource.open(scenario, REPLAY_FPS);
                for (Quality quality : List.of(Quality.AUTO, Quality.SHARP)) {
                    run(client, technician, replay, quality, JIT_WARM_UP_MS);
                }
            }
            for (Path scenario : selected) {
                ReplayScreenSource replay = ReplayScreenSource.open(scenario, REPLAY_FPS);
                for (int run = 0; run < runs * 2; run++) {
                    Quality quality = run % 2 == 0 ? Quality.AUTO : Quality.SHARP;
                    Result r = run(client, technician, replay, quality, MEASURE_MS);
                    report.append(r.row(scenario.getFileName().toString(), quality));
                    System.out.print(r.row(scenario.getFileName().toString(), quality));
                    String stages = Stages.table(scenario.getFileName().toString(), quality, r.stages());
                    stageTable.append(stages);
                    System.out.print(stages);
                }
            }
        }
        report.append(stageTable).append('\n');
        BenchmarkReport.replaceSection(output, HEADING, report.toString());
        System.out.println(report);
    }

    private static Path findCorpus() {
        for (String candidate : List.of("../shared/corpus", "../../shared/corpus")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> scenarios(Path corpus) throws Exception {
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private record Result(int frames, double fps, double[] latencies, double estimatedMs, long bytesPerSecond, String note,
                          List<double[]> stages, double loadBefore, double loadAfter) {
        String row(String scenario, Quality quality) {
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
            return "| " + scenario + " | " + quality + " | " + frames + " | " + fmt(fps) + " | " + fmt(mean) + " | "
                    + (sorted.length == 0 ? "-" : fmt(SessionBenchmarks.percentile(sorted, 95))) + " | " + fmt(estimatedMs)
                    + " | " + bytesPerSecond * 8 / 1000 + " | " + fmt(loadBefore) + " / " + fmt(loadAfter) + " | " + note + " |\n";
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static Result run(RelayClient client, TechnicianIdentity identity, ReplayScreenSource replay, Quality quality,
                              long measureMs) throws Exception {
        double loadBefore = BenchmarkReport.load();
        CompletableFuture<SessionCode> code = new CompletableFuture<>();
        AtomicReference<CustomerSessionHandle> customer = new AtomicReference<>();
        AtomicReference<ScreenShareState> customerState = new AtomicReference<>(ScreenShareState.OFF);
        customer.set(client.customerSessions(null, () -> new StampingSource(replay)).start("bench", new SessionListener() {
            @Override
            public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                code.complete(c);
            }

            @Override
            public void onScreenRequested() {
                customer.get().answerScreenRequest(true);
            }

            @Override
            public void onScreenShare(ScreenShareState state) {
                customerState.set(state);
            }
        }));
        Viewer viewer = new Viewer();
        TechnicianSessionHandle technician = client.technicianSessions(identity).join(code.get(10, TimeUnit.SECONDS), viewer);
        viewer.secured.get(10, TimeUnit.SECONDS);
        technician.setScreenQuality(quality);
        technician.requestScreen();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (viewer.state.get().status() != ScreenShareState.Status.SHARING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(WARM_UP_MS);
        viewer.measuring(true);
        Thread.sleep(measureMs);
        viewer.measuring(false);
        technician.end();
        Thread.sleep(300);
        String note = "";
        ScreenShareState last = viewer.state.get();
        if (last.status() != ScreenShareState.Status.SHARING) {
            note = last.status() + ": " + last.detail();
        }
        return new Result(viewer.latencies.size(), viewer.latencies.size() / (measureMs / 1000.0),
                viewer.latencies.stream().mapToDouble(Double::doubleValue).toArray(),
                viewer.estimated.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                Math.round(viewer.bytesPerSecond.stream().mapToLong(Long::longValue).average().orElse(0)), note,
                List.copyOf(viewer.stages), loadBefore, BenchmarkReport.load());
    }

    /**
     * One picture's glass-to-glass time cut into stages, in ms: capture + encode (sender), send
     * (hop to the session thread, seal, TLS, relay, TLS, open: until the first slice is here),
     * waiting for the decode thread, decoding, waiting for later slices, hand-over to the view.
     */
    static final class Stages {
        static final String[] NAMES = {"capture+encode", "send (seal, relay, open)", "wait for decoder", "decode",
                "wait for later slices", "hand to view"};

        static double[] of(long stamp, dev.lifeline.client.screen.FrameTiming t, long shown) {
            double encode = t.captureToSendMicros() / 1e3;
            double send = (t.firstSliceNanos() - stamp) / 1e6 - encode;
            double queue = (t.decodeStartNanos() - t.firstSliceNanos()) / 1e6;
            double decode = t.decodeNanos() / 1e6;
            double slices = (t.decodedNanos() - t.decodeStartNanos()) / 1e6 - decode;
            double hand = (shown - t.decodedNanos()) / 1e6;
            return new double[] {(shown - stamp) / 1e6, encode, send, queue, decode, slices, hand};
        }

        /** Mean of each stage over all pictures and over the slowest 5 % (those at or above the p95). */
        static String table(String scenario, Quality quality, List<double[]> rows) {
            if (rows.isEmpty()) {
                return "";
            }
            double[] totals = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
            double p95 = SessionBenchmarks.percentile(totals, 95);
            StringBuilder all = new StringBuilder("| " + scenario + " | " + quality + " | all " + rows.size() + " |");
            List<double[]> slow = rows.stream().filter(r -> r[0] >= p95).toList();
            StringBuilder tail = new StringBuilder("| " + scenario + " | " + quality + " | slowest " + slow.size() + " |");
            for (int i = 0; i <= NAMES.length; i++) {
                int stage = i;
                all.append(' ').append(fmt(rows.stream().mapToDouble(r -> r[stage]).average().orElse(Double.NaN))).append(" |");
                tail.append(' ').append(fmt(slow.stream().mapToDouble(r -> r[stage]).average().orElse(Double.NaN))).append(" |");
            }
            return all + "\n" + tail + "\n";
        }
    }

    /** The technician's side: reads the capture stamp from each decoded picture. */
    private static final class Viewer implements SessionListener {
        final CompletableFuture<PeerInfo> secured = new CompletableFuture<>();
        final AtomicReference<ScreenShareState> state = new AtomicReference<>(ScreenShareState.OFF);
        final List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Double> estimated = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> bytesPerSecond = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<double[]> stages = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean measuring;
        private long lastStamp;

        void measuring(boolean on) {
            measuring = on;
        }

        @Override
        public void onSecured(PeerInfo peer) {
            secured.complete(peer);
        }

        @Override
        public void onScreenShare(ScreenShareState s) {
            state.set(s);
        }

        @Override
        public void onScreenFrame(RemoteScreenFrame frame) {
            long now = System.nanoTime();
            long stamp = StampingSource.read(frame.image());
            if (measuring && stamp != lastStamp && stamp != 0) {
                latencies.add((now - stamp) / 1e6);
                stages.add(Stages.of(stamp, frame.timing(), now));
            }
            lastStamp = stamp;
            frame.drawn();
        }

        @Override
        public void onScreenStats(ScreenStats stats) {
            if (measuring) {
                estimated.add((double) stats.latencyMs());
                bytesPerSecond.add(stats.bytesPerSecond());
            }
        }
    }

    /**
     * The replay, with the capture time written as 64 black-or-white pixels at the top left of
     * each new frame (a copy; the replay's frames stay as they are).
     */
    private static final class StampingSource implements ScreenSource {
        private final ReplayScreenSource replay;
        private ScreenImage lastSource;
        private ScreenImage lastStamped;

        StampingSource(ReplayScreenSource replay) {
            this.replay = replay;
        }

        @Override
        public List<MonitorInfo> monitors() {
            return replay.monitors();
        }

        @Override
        public ScreenImage capture(int monitor) throws CaptureUnavailableException {
            long at = System.nanoTime();
            ScreenImage frame = replay.capture(monitor);
            if (frame != lastSource) {
                int[] px = frame.pixels().clone();
                for (int bit = 0; bit < STAMP_BITS; bit++) {
                    px[bit] = (at >>> bit & 1) != 0 ? 0xFFFFFF : 0x000000;
                }
                lastSource = frame;
                lastStamped = new ScreenImage(frame.width(), frame.height(), px);
            }
            return lastStamped;
        }

        static long read(ScreenImage image) {
            long stamp = 0;
            int[] px = image.pixels();
            for (int bit = 0; bit < STAMP_BITS; bit++) {
                if ((px[bit] & 0x800000) != 0) {
                    stamp |= 1L << bit;
                }
            }
            return stamp;
        }

        @Override
        public CursorPosition cursor(int monitor) {
            return CursorPosition.HIDDEN;
        }

        @Override
        public void close() {
        }
    }
}
