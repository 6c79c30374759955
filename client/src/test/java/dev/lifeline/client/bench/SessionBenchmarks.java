package dev.lifeline.client.bench;

import com.google.protobuf.ByteString;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionHandle;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.common.handshake.CustomerHandshake;
import dev.lifeline.common.handshake.TechnicianHandshake;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.OpenSession;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Session-core benchmarks: handshake cost, click-to-code and join-to-secured on a loopback relay,
 * and relay forwarding throughput. Run with {@code ./lifeline bench}; it rewrites the session
 * section of docs/benchmarks.md. Numbers are from this machine; they are reported, not asserted.
 */
public final class SessionBenchmarks {
    private static final int HANDSHAKES = 200;
    private static final int LOOPBACK_SESSIONS = 30;

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
        Path dir = Files.createTempDirectory("lifeline-bench");
        StringBuilder report = new StringBuilder();
        report.append("## Session core (issue 2)\n\n");
        report.append("Measured ").append(LocalDate.now()).append(" on this machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("), relay and both apps in one JVM on loopback, TLS 1.3.\n\n");
        report.append("| measurement | n | median | p95 | goal |\n|---|---|---|---|---|\n");

        OrganisationCa ca = OrganisationCa.create("Bench Support");
        TechnicianIdentity technician = ca.issueTechnician("Bench Technician", Duration.ofDays(1));

        double[] handshake = inMemoryHandshakes(technician);
        row(report, "handshake, both ends in memory (X25519 + EC J-PAKE + Ed25519 + HKDF), ms", handshake, "");

        // Every join comes from 127.0.0.1 here: lift the per-address join limit meant for guessers.
        try (RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay"))
                .bindAddress("127.0.0.1").port(0).joinsPerMinutePerAddress(100_000).build());
             RelayClient client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()))) {
            LoopbackTimes times = loopbackSessions(client, technician);
            row(report, "Get Help click to code shown (TLS connect + nameplate), ms", times.clickToCode, "< 2000 ms");
            report.append("| first click in a fresh JVM (cold), ms | 1 | ").append(fmt(times.firstClick))
                    .append(" | | < 2000 ms |\n");
            row(report, "technician Join to both ends secured (TLS + pairing + handshake), ms", times.joinToSecured, "");
            row(report, "handshake on loopback (paired to secured, customer side), ms", times.handshakeOnly, "< 50 ms");
        }
        report.append('\n');
        report.append("Relay throughput: customer to technician through the relay, incompressible 256 KiB Data frames,"
                + " at most 32 unflushed writes. With the default limit of 400 frames per second per connection the"
                + " ceiling is 400 x frame size; the row below lifts that limit to measure the relay itself.\n\n");
        report.append("| measurement | bytes | MB/s |\n|---|---|---|\n");

        try (RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay3"))
                .bindAddress("127.0.0.1").port(0).maxFramesPerSecond(1_000_000).build())) {
            report.append(throughput(relay, 256 * 1024, 1L << 30, "frame-rate limit lifted"));
        }
        report.append('\n');
        BenchmarkReport.replaceSection(output, "## Session core (issue 2)", report.toString());
        System.out.println(report);
    }

    private static double[] inMemoryHandshakes(TechnicianIdentity technician) throws Exception {
        SecureRandom random = new SecureRandom();
        double[] ms = new double[HANDSHAKES];
        for (int i = -20; i < HANDSHAKES; i++) { // 20 warm-up rounds
            byte[] sessionId = new byte[16];
            random.nextBytes(sessionId);
            long start = System.nanoTime();
            CustomerHandshake customer = new CustomerHandshake("123456", sessionId, null, random, Clock.systemUTC());
            TechnicianHandshake tech = new TechnicianHandshake("123456", sessionId, technician, random);
            Deque<HandshakeMessage> toTech = new java.util.ArrayDeque<>(customer.start());
            Deque<HandshakeMessage> toCustomer = new java.util.ArrayDeque<>(tech.start());
            while (!(customer.isComplete() && tech.isComplete())) {
                if (!toTech.isEmpty()) {
                    toCustomer.addAll(tech.receive(toTech.poll()));
                } else if (!toCustomer.isEmpty()) {
                    toTech.addAll(customer.receive(toCustomer.poll()));
                } else {
                    throw new IllegalStateException("handshake stalled");
                }
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private record LoopbackTimes(double[] clickToCode, double firstClick, double[] joinToSecured, double[] handshakeOnly) {
    }

    private static LoopbackTimes loopbackSessions(RelayClient client, TechnicianIdentity identity) throws Exception {
        List<Double> click = new ArrayList<>();
        List<Double> join = new ArrayList<>();
        List<Double> handshake = new ArrayList<>();
        double first = -1;
        for (int i = 0; i < LOOPBACK_SESSIONS + 3; i++) {
            Probe customer = new Probe();
            long clickAt = System.nanoTime();
            SessionHandle customerHandle = client.customerSessions(null).start("bench", customer);
            SessionCode code = customer.code.get(10, TimeUnit.SECONDS);
            double clickMs = (customer.codeAt - clickAt) / 1e6;
            Probe tech = new Probe();
            long joinAt = System.nanoTime();
            SessionHandle techHandle = client.technicianSessions(identity).join(code, tech);
            customer.secured.get(10, TimeUnit.SECONDS);
            tech.secured.get(10, TimeUnit.SECONDS);
            double joinMs = (Math.max(customer.securedAt, tech.securedAt) - joinAt) / 1e6;
            double handshakeMs = (customer.securedAt - customer.joinedAt) / 1e6;
            techHandle.end();
            customer.ended.get(10, TimeUnit.SECONDS);
            customerHandle.end();
            if (i == 0) {
                first = clickMs;
            }
            if (i >= 3) { // first rounds warm the JIT
                click.add(clickMs);
                join.add(joinMs);
                handshake.add(handshakeMs);
            }
        }
        return new LoopbackTimes(toArray(click), first, toArray(join), toArray(handshake));
    }

    private static String throughput(RunningRelay relay, int frameBytes, long totalBytes, String label) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            RelayEndpoint endpoint = new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint());
            CompletableFuture<String> nameplate = new CompletableFuture<>();
            CountDownLatch paired = new CountDownLatch(2);
            AtomicLong received = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            RelayLink customer = RelayLink.connect(group.next(), endpoint, Role.CUSTOMER, new RelayLink.Listener() {
                @Override
                public void onFrame(RelayFrame frame) {
                    if (frame.hasSessionOpened()) {
                        nameplate.complete(frame.getSessionOpened().getNameplate());
                    } else if (frame.hasPaired()) {
                        paired.countDown();
                    }
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            }).get(10, TimeUnit.SECONDS);
            customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
            RelayLink tech = RelayLink.connect(group.next(), endpoint, Role.TECHNICIAN, new RelayLink.Listener() {
                @Override
                public void onFrame(RelayFrame frame) {
                    if (frame.hasPaired()) {
                        paired.countDown();
                    } else if (frame.hasData() && received.addAndGet(frame.getData().getPayload().size()) >= totalBytes) {
                        done.countDown();
                    }
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            }).get(10, TimeUnit.SECONDS);
            tech.send(RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(nameplate.get(10, TimeUnit.SECONDS))).build());
            paired.await(10, TimeUnit.SECONDS);
            byte[] chunk = new byte[frameBytes];
            new SecureRandom().nextBytes(chunk); // incompressible, like sealed traffic
            ByteString payload = ByteString.copyFrom(chunk);
            long frames = totalBytes / frameBytes;
            long start = System.nanoTime();
            // At most 32 frames written but not yet flushed: memory stays bounded and TCP sets the pace.
            Semaphore window = new Semaphore(32);
            for (long seq = 1; seq <= frames; seq++) {
                window.acquire();
                customer.write(RelayFrame.newBuilder().setData(Data.newBuilder().setSeq(seq).setPayload(payload)).build())
                        .whenComplete((ok, error) -> window.release());
            }
            boolean finished = done.await(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            customer.close();
            tech.close();
            double mbps = received.get() / 1e6 / seconds;
            return "| relay forwarding, one paired session, " + (frameBytes / 1024) + " KiB frames, " + label + " | "
                    + (received.get() >> 20) + " MiB | " + fmt(mbps) + (finished ? "" : " (timed out)") + " |\n";
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static final class Probe implements SessionListener {
        final CompletableFuture<SessionCode> code = new CompletableFuture<>();
        final CompletableFuture<PeerInfo> secured = new CompletableFuture<>();
        final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
        volatile long codeAt;
        volatile long joinedAt;
        volatile long securedAt;

        @Override
        public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
            codeAt = System.nanoTime();
            code.complete(c);
        }

        @Override
        public void onPeerJoined() {
            joinedAt = System.nanoTime();
        }

        @Override
        public void onSecured(PeerInfo peer) {
            securedAt = System.nanoTime();
            secured.complete(peer);
        }

        @Override
        public void onEnded(SessionEnd end) {
            ended.complete(end);
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void row(StringBuilder report, String what, double[] values, String goal) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        report.append("| ").append(what).append(" | ").append(sorted.length).append(" | ")
                .append(fmt(percentile(sorted, 50))).append(" | ").append(fmt(percentile(sorted, 95)))
                .append(" | ").append(goal).append(" |\n");
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
