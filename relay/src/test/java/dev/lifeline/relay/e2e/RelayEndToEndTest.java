package dev.lifeline.relay.e2e;

import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.Ack;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.OpenSession;
import dev.lifeline.common.wire.relay.Paired;
import dev.lifeline.common.wire.relay.RejectPeer;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Resume;
import dev.lifeline.common.wire.relay.Resumed;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real relay over real TLS on loopback, with small test clients. */
class RelayEndToEndTest {
    @TempDir
    static Path dataDir;
    static RunningRelay relay;
    static EventLoopGroup group;
    static final List<String> forwarded = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        relay = RelayServer.start(RelayConfig.builder()
                .bindAddress("127.0.0.1").port(0).dataDir(dataDir)
                .resumeGrace(Duration.ofSeconds(30))
                .joinsPerMinutePerAddress(1000).joinsPerMinutePerNameplate(1000)
                .forwardedFrameListener((id, from, seq, payload) ->
                        forwarded.add(from + ":" + seq + ":" + new String(payload, StandardCharsets.UTF_8)))
                .build());
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        relay.close();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private TestClient client() throws Exception {
        return TestClient.connect(group, relay.port(), relay.certificateFingerprint());
    }

    private record Pair(TestClient customer, TestClient technician, Paired customerPaired, Paired technicianPaired,
                        String nameplate) {
    }

    private Pair pair(String name) throws Exception {
        TestClient customer = client();
        customer.hello(Role.CUSTOMER);
        customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName(name)).build());
        String nameplate = customer.next(SESSION_OPENED).getSessionOpened().getNameplate();
        TestClient technician = client();
        technician.hello(Role.TECHNICIAN);
        technician.send(join(nameplate));
        Paired tp = technician.next(PAIRED).getPaired();
        Paired cp = customer.next(PAIRED).getPaired();
        return new Pair(customer, technician, cp, tp, nameplate);
    }

    private static RelayFrame join(String nameplate) {
        return RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(nameplate)).build();
    }

    @Test
    void pairsAndForwardsBothWays() throws Exception {
        Pair p = pair("Ada");
        assertTrue(p.nameplate().matches("[1-9]\\d{2}"), p.nameplate());
        assertArrayEquals(p.customerPaired().getSessionId().toByteArray(), p.technicianPaired().getSessionId().toByteArray());
        assertEquals(16, p.customerPaired().getSessionId().size());
        assertEquals(32, p.customerPaired().getResumeToken().size());
        assertNotEquals(p.customerPaired().getResumeToken(), p.technicianPaired().getResumeToken());
        assertEquals("Ada", p.technicianPaired().getCustomerName());
        assertEquals(Role.TECHNICIAN, p.customerPaired().getPeerRole());
        assertEquals(Role.CUSTOMER, p.technicianPaired().getPeerRole());
        assertEquals(30, p.customerPaired().getResumeGraceSeconds());

        p.customer().send(TestClient.data(1, "hello tech"));
        assertEquals("hello tech", p.technician().next(DATA).getData().getPayload().toStringUtf8());
        p.technician().send(TestClient.data(1, "hello customer"));
        assertEquals("hello customer", p.customer().next(DATA).getData().getPayload().toStringUtf8());
        p.customer().send(RelayFrame.newBuilder().setAck(Ack.newBuilder().setSeq(1)).build());
        assertEquals(1, p.technician().next(ACK).getAck().getSeq());
        assertTrue(forwarded.contains("CUSTOMER:1:hello tech"));
        assertTrue(forwarded.contains("TECHNICIAN:1:hello customer"));

        p.technician().send(RelayFrame.newBuilder().setClose(Close.newBuilder()
                .setReason(CloseReason.ENDED_BY_TECHNICIAN)).build());
        assertEquals(CloseReason.ENDED_BY_TECHNICIAN, p.customer().next(CLOSE).getClose().getReason());
        assertTrue(p.customer().awaitClosed());
        assertTrue(p.technician().awaitClosed());
    }

    @Test
    void unknownNameplateIsNonFatal() throws Exception {
        try (TestClient technician = client()) {
            technician.hello(Role.TECHNICIAN);
            technician.send(join("99999999"));
            RelayFrame error = technician.next(ERROR);
            assertEquals(ErrorCode.UNKNOWN_NAMEPLATE, error.getError().getCode());
            assertFalse(error.getError().getFatal());
            technician.send(RelayFrame.newBuilder().setPing(dev.lifeline.common.wire.relay.Ping.newBuilder().setNonce(7)).build());
            assertEquals(7, technician.next(PONG).getPong().getNonce());
        }
    }

    @Test
    void rejectPeerKeepsNameplateAndSecondJoinWorks() throws Exception {
        Pair p = pair("Bob");
        p.customer().send(RelayFrame.newBuilder().setRejectPeer(RejectPeer.newBuilder().setReason("bad handshake")).build());
        RelayFrame rejected = p.technician().next(ERROR);
        assertEquals(ErrorCode.REJECTED_BY_CUSTOMER, rejected.getError().getCode());
        assertTrue(rejected.getError().getFatal());
        assertTrue(p.technician().awaitClosed());
        assertEquals(p.nameplate(), p.customer().next(SESSION_OPENED).getSessionOpened().getNameplate());

        try (TestClient second = client()) {
            second.hello(Role.TECHNICIAN);
            second.send(join(p.nameplate()));
            Paired paired = second.next(PAIRED).getPaired();
            Paired customerPaired = p.customer().next(PAIRED).getPaired();
            assertArrayEquals(paired.getSessionId().toByteArray(), customerPaired.getSessionId().toByteArray());
            assertFalse(paired.getSessionId().equals(p.technicianPaired().getSessionId()));
            second.send(TestClient.data(1, "again"));
            assertEquals("again", p.customer().next(DATA).getData().getPayload().toStringUtf8());
            // A third technician finds the nameplate busy.
            try (TestClient third = client()) {
                third.hello(Role.TECHNICIAN);
                third.send(join(p.nameplate()));
                assertEquals(ErrorCode.NAMEPLATE_BUSY, third.next(ERROR).getError().getCode());
            }
        }
        p.customer().close();
    }

    @Test
    void resumeAfterSocketKilled() throws Exception {
        Pair p = pair("Cy");
        p.customer().channel.close().sync(); // no Close frame: a dropped connection
        assertEquals(30, p.technician().next(PEER_AWAY).getPeerAway().getGraceSeconds());
        p.technician().send(TestClient.data(2, "lost while away")); // dropped by the relay

        try (TestClient back = client()) {
            back.hello(Role.CUSTOMER);
            back.send(RelayFrame.newBuilder().setResume(Resume.newBuilder()
                    .setResumeToken(p.customerPaired().getResumeToken())).build());
            Resumed resumed = back.next(RESUMED).getResumed();
            assertTrue(resumed.getPeerPresent());
            assertEquals(p.customerPaired().getSessionId(), resumed.getSessionId());
            assertNotEquals(p.customerPaired().getResumeToken(), resumed.getResumeToken());
            p.technician().next(PEER_BACK);
            p.technician().send(TestClient.data(2, "resent"));
            assertEquals("resent", back.next(DATA).getData().getPayload().toStringUtf8());
            back.send(TestClient.data(3, "from the new connection"));
            assertEquals("from the new connection", p.technician().next(DATA).getData().getPayload().toStringUtf8());

            // The old token is single use.
            try (TestClient replay = client()) {
                replay.hello(Role.CUSTOMER);
                replay.send(RelayFrame.newBuilder().setResume(Resume.newBuilder()
                        .setResumeToken(p.customerPaired().getResumeToken())).build());
                RelayFrame error = replay.next(ERROR);
                assertEquals(ErrorCode.RESUME_REJECTED, error.getError().getCode());
                assertTrue(replay.awaitClosed());
            }
        }
        assertFalse(forwarded.contains("TECHNICIAN:2:lost while away"));
        p.technician().close();
    }

    @Test
    void garbageOnOneConnectionDoesNotDisturbAnother() throws Exception {
        Pair p = pair("Dee");
        try (TestClient garbage = client(); TestClient huge = client()) {
            garbage.hello(Role.CUSTOMER);
            garbage.sendRaw(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 5, (byte) 0xff, (byte) 0xff, 1, 2, 3}));
            assertEquals(ErrorCode.MALFORMED_FRAME, garbage.next(ERROR).getError().getCode());
            assertTrue(garbage.awaitClosed());

            huge.sendRaw(Unpooled.wrappedBuffer(new byte[] {0x7f, 0, 0, 0}));
            assertEquals(ErrorCode.FRAME_TOO_LARGE, huge.next(ERROR).getError().getCode());
            assertTrue(huge.awaitClosed());
        }
        for (int i = 1; i <= 50; i++) {
            p.customer().send(TestClient.data(i, "still here " + i));
        }
        for (int i = 1; i <= 50; i++) {
            assertEquals("still here " + i, p.technician().next(DATA).getData().getPayload().toStringUtf8());
        }
        p.customer().close();
        p.technician().close();
    }

    @Test
    void wrongPinnedFingerprintIsRefused() throws Exception {
        String wrong = "00".repeat(32);
        TestClient client = TestClient.connect(group, relay.port(), wrong);
        Throwable cause = client.ssl.handshakeFuture().await().cause();
        assertTrue(cause != null, "handshake must fail");
        Throwable t = cause;
        boolean mentionsPin = false;
        while (t != null) {
            mentionsPin |= String.valueOf(t.getMessage()).contains("does not match the pinned fingerprint");
            t = t.getCause();
        }
        assertTrue(mentionsPin, cause.toString());
        assertTrue(client.awaitClosed());
    }

    @Test
    void unsupportedVersionIsFatal() throws Exception {
        try (TestClient client = client()) {
            client.send(RelayFrame.newBuilder().setHello(dev.lifeline.common.wire.relay.Hello.newBuilder()
                    .setProtocolVersion(99).setRole(Role.CUSTOMER)).build());
            RelayFrame error = client.next(ERROR);
            assertEquals(ErrorCode.UNSUPPORTED_VERSION, error.getError().getCode());
            assertTrue(error.getError().getFatal());
            assertTrue(client.awaitClosed());
        }
    }

    @Test
    void floodIsRateLimitedAndCapsAnswerCapacity() throws Exception {
        try (RunningRelay small = RelayServer.start(RelayConfig.builder()
                .bindAddress("127.0.0.1").port(0).dataDir(dataDir)
                .maxFramesPerSecond(5).frameBurst(10).maxSessions(1).maxConnections(3).build())) {
            assertEquals(relay.certificateFingerprint(), small.certificateFingerprint(), "same data dir, same cert");
            TestClient customer = TestClient.connect(group, small.port(), small.certificateFingerprint());
            customer.hello(Role.CUSTOMER);
            customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
            customer.next(SESSION_OPENED);

            TestClient second = TestClient.connect(group, small.port(), small.certificateFingerprint());
            second.hello(Role.CUSTOMER);
            second.send(RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
            RelayFrame full = second.next(ERROR);
            assertEquals(ErrorCode.CAPACITY, full.getError().getCode());
            assertFalse(full.getError().getFatal());

            RelayFrame ping = RelayFrame.newBuilder().setPing(dev.lifeline.common.wire.relay.Ping.newBuilder().setNonce(1)).build();
            for (int i = 0; i < 500 && second.channel.isActive(); i++) {
                second.channel.writeAndFlush(ping);
            }
            RelayFrame frame;
            int pongs = 0;
            do {
                frame = second.poll(10_000);
                assertTrue(frame != null, "no error after " + pongs + " pongs, active " + second.channel.isActive());
                pongs++;
            } while (frame.hasPong());
            assertEquals(ErrorCode.RATE_LIMITED, frame.getError().getCode());
            assertTrue(second.awaitClosed());

            // The first connection is untouched.
            customer.send(ping);
            customer.next(PONG);
            customer.close();
        }
        // And the main relay still pairs.
        Pair p = pair("Eve");
        p.customer().close();
        p.technician().close();
    }

    @Test
    void codesExpireAndGraceRunsOut() throws Exception {
        try (RunningRelay quick = RelayServer.start(RelayConfig.builder()
                .bindAddress("127.0.0.1").port(0).dataDir(dataDir)
                .codeTtl(Duration.ofMillis(300)).resumeGrace(Duration.ofSeconds(1)).build())) {
            TestClient waiting = TestClient.connect(group, quick.port(), quick.certificateFingerprint());
            waiting.hello(Role.CUSTOMER);
            waiting.send(RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
            waiting.next(SESSION_OPENED);
            assertEquals(CloseReason.CODE_EXPIRED, waiting.next(CLOSE).getClose().getReason());
            assertTrue(waiting.awaitClosed());
        }
        // A relay of its own for the grace part: 300 ms is too short to pair on a loaded machine.
        try (RunningRelay quick = RelayServer.start(RelayConfig.builder()
                .bindAddress("127.0.0.1").port(0).dataDir(dataDir)
                .codeTtl(Duration.ofSeconds(30)).resumeGrace(Duration.ofSeconds(1)).build())) {
            TestClient customer = TestClient.connect(group, quick.port(), quick.certificateFingerprint());
            customer.hello(Role.CUSTOMER);
            customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
            String nameplate = customer.next(SESSION_OPENED).getSessionOpened().getNameplate();
            TestClient technician = TestClient.connect(group, quick.port(), quick.certificateFingerprint());
            technician.hello(Role.TECHNICIAN);
            technician.send(join(nameplate));
            technician.next(PAIRED);
            customer.next(PAIRED);
            customer.channel.close().sync();
            assertEquals(1, technician.next(PEER_AWAY).getPeerAway().getGraceSeconds());
            assertEquals(CloseReason.PEER_LOST, technician.next(CLOSE).getClose().getReason());
            assertTrue(technician.awaitClosed());
            assertEquals(0, quick.pairedSessions());
        }
    }
}
