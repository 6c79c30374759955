package dev.lifeline.client.player;

import dev.lifeline.client.bench.BenchmarkReport;
import dev.lifeline.client.bench.ScreenFrames;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.recording.RecordingReader;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Recording figures for docs/benchmarks.md (section "Session recordings (issue 7)"):
 * <ol>
 * <li>bytes per hour of session: each corpus scenario replayed through a real recorded session
 *     (relay on loopback, TLS, both apps, Auto quality, a chat line every 10 s) for
 *     {@code --seconds} at the corpus's own capture rate, extrapolated to an hour;</li>
 * <li>seek: a one-hour recording of the browser scenario written with the real encoder and
 *     sealer, loaded once, then seeks to random points, each from a fresh cursor, as the player's
 *     snapshots and restart points fill.</li>
 * </ol>
 * Run: {@code ./lifeline bench recording [--corpus DIR] [--seconds 60] [--hours 1]}.
 */
public final class RecordingBenchmarks {
    /** Preloading a scenario's frames and starting the session take long on a busy machine; only the setup waits this long. */
    static final int SETUP_SECONDS = 300;

    public static void main(String[] args) throws Exception {
        Path output = Path.of("docs/benchmarks.md");
        Path corpus = Path.of("../shared/corpus");
        int seconds = 60;
        double hours = 1;
        if (List.of(args).contains("--help") || args.length % 2 != 0) {
            System.out.println("""
                    Usage: ./lifeline bench recording [--corpus DIR] [--seconds N] [--hours H] [--out FILE]
                      Recording size per hour for each corpus scenario (a real session over a loopback relay,
                      N seconds each, default 60) and seek times in an H-hour recording (default 1) of the
                      browser scenario; writes the "Session recordings" section of FILE (docs/benchmarks.md).""");
            System.exit(args.length % 2 != 0 && !List.of(args).contains("--help") ? 2 : 0);
        }
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--hours" -> hours = Double.parseDouble(args[i + 1]);
                case "--out" -> output = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lifeline-recording-bench");
        StringBuilder report = new StringBuilder("## Session recordings (issue 7)\n\n");
        String loadBefore = loadAverage();
        report.append("Measured ").append(LocalDate.now()).append(" on this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, shared with other builds; load average ")
                .append(loadBefore).append(" before, LOAD_AFTER after; ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("). `./lifeline bench recording [--corpus DIR] [--seconds N] [--hours H]`.\n\n");
        report.append("Size: each corpus scenario (1920x1080) replayed through a real recorded session — relay on")
                .append(" loopback with TLS, both apps, Auto quality, keyframe every 10 s, a chat line every 10 s — for ")
                .append(seconds).append(" s at 3.3 frames per second (the corpus's own capture rate), extrapolated to an hour.")
                .append(" The recording holds the sealed end-to-end frames of both directions plus the container's")
                .append(" own records, chain and signatures.\n\n");
        report.append("| scenario | seconds | screen updates seen | recording bytes | MB per hour |\n|---|---|---|---|---|\n");
        for (String scenario : List.of("office", "terminal", "browser", "motion-gl")) {
            Path frames = corpus.resolve(scenario);
            if (!Files.isDirectory(frames)) {
                report.append("| ").append(scenario).append(" | | | corpus not found | |\n");
                continue;
            }
            report.append(sizeRow(dir.resolve(scenario), scenario, frames, seconds));
        }
        report.append('\n');
        report.append(seekSection(dir, corpus.resolve("browser"), hours));
        String text = report.toString().replace("LOAD_AFTER", loadAverage());
        BenchmarkReport.replaceSection(output, "## Session recordings (issue 7)", text);
        System.out.println(text);
    }

    /** The 1-minute load average (Linux), so a reader can tell a busy machine's figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String sizeRow(Path dir, String scenario, Path frames, int seconds) throws Exception {
        RecordedOrganisation org = RecordedOrganisation.create(dir, true);
        try (RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(org.dataDir())
                .bindAddress("127.0.0.1").port(0).build());
             RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()))) {
            CompletableFuture<SessionCode> code = new CompletableFuture<>();
            CompletableFuture<Void> asked = new CompletableFuture<>();
            CustomerSessionHandle[] customer = new CustomerSessionHandle[1];
            customer[0] = client.customerSessions(org.root(), ScreenSources.replayPreloaded(frames, 3.3))
                    .start("Bench", new SessionListener() {
                        @Override
                        public void onRecordingNotice(RecordingNoticeInfo notice) {
                            CompletableFuture.runAsync(() -> customer[0].answerRecordingNotice(true),
                                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
                        }

                        @Override
                        public void onCodeReady(SessionCode c, long expires) {
                            code.complete(c);
                        }

                        @Override
                        public void onScreenRequested() {
                            asked.complete(null);
                        }
                    });
            int[] updates = {0};
            CompletableFuture<Void> sharing = new CompletableFuture<>();
            TechnicianSessionHandle technician = client.technicianSessions(org.technician())
                    .join(code.get(SETUP_SECONDS, TimeUnit.SECONDS), new SessionListener() {
                        @Override
                        public void onScreenShare(ScreenShareState state) {
                            if (state.status() == ScreenShareState.Status.SHARING) {
                                sharing.complete(null);
                            }
                        }

                        @Override
                        public void onScreenFrame(RemoteScreenFrame frame) {
                            updates[0]++;
                            frame.drawn();
                        }
                    });
            technician.setScreenQuality(Quality.AUTO);
            technician.requestScreen();
            asked.get(SETUP_SECONDS, TimeUnit.SECONDS);
            customer[0].answerScreenRequest(true);
            sharing.get(SETUP_SECONDS, TimeUnit.SECONDS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int line = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(10_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                technician.sendChat("benchmark note " + ++line);
            }
            customer[0].end();
            Path file = closedRecording(org.dataDir().resolve("recordings"));
            long bytes = Files.size(file);
            double perHour = bytes * 3600.0 / seconds / 1e6;
            return "| " + scenario + " | " + seconds + " | " + updates[0] + " | " + bytes + " | "
                    + String.format(java.util.Locale.ROOT, "%.0f", perHour) + " |\n";
        }
    }

    private static Path closedRecording(Path recordings) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (Files.isDirectory(recordings)) {
                try (Stream<Path> files = Files.list(recordings)) {
                    for (Path file : files.toList()) {
                        try (RecordingReader reader = RecordingReader.open(file)) {
                            if (reader.verification().endReason() != null) {
                                return file;
                            }
                        } catch (Exception notYet) {
                            // being written
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no closed recording");
    }

    private static String seekSection(Path dir, Path browser, double hours) throws Exception {
        List<ScreenImage> frames = new ArrayList<>();
        if (Files.isDirectory(browser)) {
            try (Stream<Path> pngs = Files.list(browser)) {
                for (Path png : pngs.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                    frames.add(ScreenFrames.load(png));
                }
            }
        } else {
            frames.addAll(dev.lifeline.client.capture.SyntheticScreens.frames(20, 1920, 1080, 200));
        }
        var key = dev.lifeline.common.identity.RecordingKeyPair.create();
        Path file = dir.resolve("hour.llrec");
        long durationMs = (long) (hours * 3_600_000);
        long writeStart = System.nanoTime();
        SyntheticRecording.write(file, key.publicKey(), frames, 2, durationMs, 60_000);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long loadStart = System.nanoTime();
        StringBuilder out = new StringBuilder();
        try (RecordingPlayback playback = RecordingPlayback.open(file, key.keyPair(), null, p -> { })) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            int n = 60;
            double[] cold = seeks(playback, n, false);
            // The filler's first pass: one picture per keyframe; stop there to measure the stand-in.
            int gops = playback.keyframes();
            long fillStart = System.nanoTime();
            playback.fillSnapshots(() -> playback.snapshotCount() >= gops);
            double keyframePassS = (System.nanoTime() - fillStart) / 1e9;
            double[] standIn = seeks(playback, n, true);
            // The second pass: restart points (decoder states) every few pictures, the player at the start.
            int planned = playback.restartPointsPlanned();
            long restartStart = System.nanoTime();
            playback.fillSnapshots(() -> playback.restartPointCount() >= planned);
            double restartPassS = (System.nanoTime() - restartStart) / 1e9;
            int restartPoints = playback.restartPointCount();
            long restartBytes = playback.restartPointBytes();
            long restartTableBytes = playback.restartPointTableBytes();
            double[][] restart = keptAndNot(playback, n);
            // The player sits in the middle of the hour; the filler keeps what fits around it.
            playback.cursor().moveTo(playback.durationMs() / 2, () -> false);
            long restStart = System.nanoTime();
            playback.fillSnapshots(() -> false);
            double fillS = keyframePassS + restartPassS + (System.nanoTime() - restStart) / 1e9;
            double[][] warm = keptAndNot(playback, n);
            // The span of frames kept around the player (keyframe pictures are kept everywhere).
            List<Long> times = playback.frameTimes();
            int middle = 0;
            while (middle + 1 < times.size() && times.get(middle + 1) <= playback.durationMs() / 2) {
                middle++;
            }
            int low = middle;
            int high = middle;
            while (low > 0 && playback.keeps(times.get(low - 1))) {
                low--;
            }
            while (high + 1 < times.size() && playback.keeps(times.get(high + 1))) {
                high++;
            }
            long keptFrom = times.get(low);
            long keptTo = times.get(high);
            double perPictureKb = playback.snapshotBytes() / 1e3 / Math.max(1, playback.snapshotCount());
            out.append("Seek: a ").append(hours == 1 ? "one-hour" : hours + "-hour").append(" recording of the browser")
                    .append(" scenario (1920x1080, 2 updates per second, Auto, keyframe every 10 s; ")
                    .append(Files.size(file) / 1_000_000).append(" MB, written in ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", writeSeconds)).append(" s by the real encoder")
                    .append(" and sealer), opened once (verify + decrypt every frame for the timeline: ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", loadMs)).append(" ms), then ")
                    .append(n).append(" seeks to random points, each from a fresh cursor, at four stages of the player's")
                    .append(" snapshots (kept zstd-compressed in memory by a background thread after open: decoded")
                    .append(" pictures, and at restart points the screen decoder's whole state — picture, tile cache,")
                    .append(" neighbourhood memory — from which a seek decodes on).")
                    .append(" No snapshots yet: decode from the keyframe before the target, up to 10 s of updates.")
                    .append(" After the filler's first pass (the decoder state at every keyframe's first picture, ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", keyframePassS)).append(" s): the stand-in")
                    .append(" picture the player shows at once while the exact one is decoded (dragging decodes only")
                    .append(" where the drag stops). After the second pass (restart points every ")
                    .append(RecordingPlayback.RESTART_EVERY).append(" pictures, ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", restartPassS)).append(" s): ")
                    .append(restartPoints).append(" of ").append(planned).append(" restart points in ")
                    .append(restartBytes / 1_000_000).append(" MB, ")
                    .append(restartBytes / 1000 / Math.max(1, restartPoints)).append(" KB each (picture ")
                    .append((restartBytes - restartTableBytes) / 1000 / Math.max(1, restartPoints)).append(" KB, codec tables ")
                    .append(restartTableBytes / 1000 / Math.max(1, restartPoints)).append(" KB); a frame not kept is")
                    .append(" decoded from the nearest one before it, at most ").append(RecordingPlayback.RESTART_EVERY - 1)
                    .append(" updates.")
                    .append(restartPoints < planned ? " The " + (planned - restartPoints) + " that do not fit the budget are"
                            + " those farthest from the player; a frame there decodes from its keyframe's state (up to 10 s"
                            + " of updates, not the keyframe itself)." : "")
                    .append(" After the whole fill with the player in the middle of the hour (")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", fillS)).append(" s): ")
                    .append(playback.snapshotCount()).append(" of ").append(playback.pictureCount()).append(" pictures, ")
                    .append(playback.snapshotBytes() / 1_000_000).append(" MB of a ")
                    .append(PictureSnapshots.defaultBudget() / 1_000_000).append(" MB budget (a quarter of the heap; ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", perPictureKb)).append(" KB a kept frame).")
                    .append(aroundPlayer(playback, keptFrom, keptTo))
                    .append(" The exact picture comes from a snapshot where kept, and elsewhere from the nearest restart")
                    .append(" point (after the stand-in). Goal: under 300 ms.\n\n");
            out.append("| measurement | n | median ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
            out.append(row("exact picture, no snapshots yet (decode from the keyframe)", cold));
            out.append(row("stand-in picture, keyframe snapshots kept", standIn));
            out.append(row("exact picture after the fill, frame kept (one decompression)", warm[0]));
            out.append(row("exact picture, restart points kept, frame not kept (from the nearest restart point)", restart[1]));
            out.append(row("exact picture after the fill, frame not kept (from the nearest restart point)", warm[1]));
            out.append('\n');
        }
        return out.toString();
    }

    /** What the fill kept besides the restart points, around the player. */
    private static String aroundPlayer(RecordingPlayback playback, long keptFrom, long keptTo) {
        int others = playback.snapshotCount() - playback.restartPointCount();
        if (others == 0) {
            return " The restart points take the whole budget: no other picture is kept.";
        }
        return " Besides the restart points, " + others + " pictures: every frame from " + TimelineEvent.clock(keptFrom)
                + " to " + TimelineEvent.clock(keptTo) + ".";
    }

    /** {@code n} seeks to random points of the recording (after five to warm up), each from a fresh cursor; sorted ms. */
    private static double[] seeks(RecordingPlayback playback, int n, boolean standIn) throws Exception {
        Random random = new Random(7);
        double[] ms = new double[n];
        for (int i = -5; i < n; i++) {
            long target = Math.max(playback.firstPictureMs(), (long) (random.nextDouble() * playback.durationMs()));
            RecordingPlayback.Cursor cursor = playback.cursor();
            long start = System.nanoTime();
            RecordingPlayback.Picture picture = standIn ? cursor.nearest(target, -1) : cursor.moveTo(target, () -> false);
            double took = (System.nanoTime() - start) / 1e6;
            if (picture == null && standIn) {
                // The target is a keyframe's own picture: the exact one is kept.
                start = System.nanoTime();
                picture = cursor.moveTo(target, () -> false);
                took = (System.nanoTime() - start) / 1e6;
            }
            if (picture == null) {
                throw new IllegalStateException("no picture at " + target);
            }
            if (i >= 0) {
                ms[i] = took;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Random seeks after the fill, split into those whose frame is kept and those decoded; up to {@code n} each. */
    private static double[][] keptAndNot(RecordingPlayback playback, int n) throws Exception {
        Random random = new Random(11);
        double[] kept = new double[n];
        double[] not = new double[n];
        int k = 0;
        int m = 0;
        for (int i = 0; i < 20 * n && (k < n || m < n); i++) {
            long target = Math.max(playback.firstPictureMs(), (long) (random.nextDouble() * playback.durationMs()));
            boolean hit = playback.keeps(target);
            if (hit ? k >= n : m >= n) {
                continue;
            }
            long start = System.nanoTime();
            if (playback.cursor().moveTo(target, () -> false) == null) {
                throw new IllegalStateException("no picture at " + target);
            }
            double took = (System.nanoTime() - start) / 1e6;
            if (hit) {
                kept[k++] = took;
            } else {
                not[m++] = took;
            }
        }
        kept = Arrays.copyOf(kept, k);
        not = Arrays.copyOf(not, m);
        Arrays.sort(kept);
        Arrays.sort(not);
        return new double[][] {kept, not};
    }

    private static String row(String what, double[] ms) {
        int n = ms.length;
        if (n == 0) {
            return "| " + what + " | 0 | | | |\n";
        }
        return "| " + what + " | " + n + " | " + String.format(java.util.Locale.ROOT, "%.1f | %.1f | %.1f",
                ms[n / 2], ms[(int) (n * 0.95)], ms[n - 1]) + " |\n";
    }
}
