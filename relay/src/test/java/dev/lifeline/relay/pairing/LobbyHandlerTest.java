package dev.lifeline.relay.pairing;

import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.RelayFrameDecoder;
import dev.lifeline.common.wire.RelayFrameEncoder;
import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Hello;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.OpenSession;
import dev.lifeline.common.wire.relay.Ping;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Resume;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.Welcome;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.limits.ConnectionGuard;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LobbyHandlerTest {
    private final Clock clock = Clock.systemUTC();
    private final NameplateRegistry registry = new NameplateRegistry(clock, Duration.ofMinutes(10), 100);
    private final Lobby lobby = new Lobby(registry, new KeyedRateLimiter<>(3, 3, clock),
            new KeyedRateLimiter<>(100, 100, clock), new SessionTable(Duration.ofSeconds(60)),
            Welcome.newBuilder().setProtocolVersion(1).setMaxFrameBytes(WireLimits.MAX_FRAME_BYTES)
                    .setMaxFramesPerSecond(400).build(), () -> false, ForwardedFrameListener.NONE);

    /** The relay's pipeline minus TLS, AUTO_READ off, as the relay runs it. */
    static EmbeddedChannel channel(Lobby lobby) throws Exception {
        return channel(lobby, 60);
    }

    static EmbeddedChannel channel(Lobby lobby, int idleSeconds) throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ch.config().setAutoRead(false);
        ch.pipeline().addLast(new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS), new RelayFrameDecoder(),
                RelayFrameEncoder.INSTANCE, new FlowControlHandler(), lobby.newHandler(), ConnectionGuard.INSTANCE);
        ch.register();
        return ch;
    }

    static ByteBuf encode(RelayFrame frame) {
        byte[] body = frame.toByteArray();
        ByteBuf buf = Unpooled.buffer(4 + body.length);
        buf.writeInt(body.length).writeBytes(body);
        return buf;
    }

    static RelayFrame read(EmbeddedChannel ch) throws Exception {
        ByteBuf out = ch.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            out.skipBytes(4);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return RelayFrame.parseFrom(bytes);
        } finally {
            out.release();
        }
    }

    static void send(EmbeddedChannel ch, RelayFrame frame) {
        ch.writeInbound(encode(frame));
        ch.runPendingTasks();
    }

    static RelayFrame hello(Role role, int version) {
        return RelayFrame.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(version).setRole(role)).build();
    }

    static void assertFatal(EmbeddedChannel ch, ErrorCode code) throws Exception {
        RelayFrame error = read(ch);
        assertEquals(ERROR, error.getBodyCase(), String.valueOf(error));
        assertEquals(code, error.getError().getCode());
        assertTrue(error.getError().getFatal());
        ch.runPendingTasks();
        assertFalse(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void helloGetsWelcomeAndPingsArePonged() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 1));
        assertEquals(WELCOME, read(ch).getBodyCase());
        send(ch, RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(42)).build());
        assertEquals(42, read(ch).getPong().getNonce());
        send(ch, RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(43)).build());
        assertEquals(43, read(ch).getPong().getNonce());
        assertFalse(ch.finish());
    }

    @Test
    void wrongVersionIsFatal() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 2));
        assertFatal(ch, ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void firstFrameMustBeHello() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(1)).build());
        assertFatal(ch, ErrorCode.UNEXPECTED_FRAME);
    }

    @Test
    void technicianCannotOpenSession() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.TECHNICIAN, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
        assertFatal(ch, ErrorCode.UNEXPECTED_FRAME);
    }

    @Test
    void openSessionAllocatesAndReopenBurnsTheOldNameplate() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName("Ada")).build());
        String first = read(ch).getSessionOpened().getNameplate();
        assertTrue(first.matches("[1-9]\\d\\d"));
        send(ch, RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
        String second = read(ch).getSessionOpened().getNameplate();
        assertEquals(1, registry.size());
        assertTrue(registry.isLive(second));
        ch.close();
        assertEquals(0, registry.size());
        assertFalse(ch.finish());
    }

    @Test
    void unusedCodeExpires() throws Exception {
        EmbeddedChannel ch = channel(lobby, 3600);
        send(ch, hello(Role.CUSTOMER, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
        read(ch);
        ch.advanceTimeBy(10, TimeUnit.MINUTES);
        ch.runScheduledPendingTasks();
        RelayFrame close = read(ch);
        assertEquals(CloseReason.CODE_EXPIRED, close.getClose().getReason());
        ch.runPendingTasks();
        assertFalse(ch.isActive());
        assertEquals(0, registry.size());
        assertFalse(ch.finish());
    }

    @Test
    void joinErrorsAreNonFatalAndRateLimited() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.TECHNICIAN, 1));
        read(ch);
        for (int i = 0; i < 3; i++) {
            send(ch, RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate("555")).build());
            RelayFrame error = read(ch);
            assertEquals(ErrorCode.UNKNOWN_NAMEPLATE, error.getError().getCode());
            assertFalse(error.getError().getFatal());
        }
        send(ch, RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate("555")).build());
        RelayFrame limited = read(ch);
        assertEquals(ErrorCode.JOIN_RATE_LIMITED, limited.getError().getCode());
        assertFalse(limited.getError().getFatal());
        assertTrue(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void unknownResumeTokenIsFatal() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setResume(Resume.newBuilder()
                .setResumeToken(ByteString.copyFrom(new byte[32]))).build());
        assertFatal(ch, ErrorCode.RESUME_REJECTED);
    }

    @Test
    void malformedAndOversizedFramesGetTypedErrors() throws Exception {
        EmbeddedChannel bad = channel(lobby);
        bad.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        bad.runPendingTasks();
        assertFatal(bad, ErrorCode.MALFORMED_FRAME);

        EmbeddedChannel big = channel(lobby);
        big.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x10, 0, 0, 0}));
        big.runPendingTasks();
        assertFatal(big, ErrorCode.FRAME_TOO_LARGE);
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        ch.advanceTimeBy(61, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertFatal(ch, ErrorCode.IDLE_TIMEOUT);
        assertNull(read(ch));
    }

    @Test
    void connectionCapIsFatalAtHello() throws Exception {
        Lobby full = new Lobby(registry, new KeyedRateLimiter<>(3, 3, clock), new KeyedRateLimiter<>(3, 3, clock),
                new SessionTable(Duration.ofSeconds(60)), Welcome.getDefaultInstance(), () -> true,
                ForwardedFrameListener.NONE);
        EmbeddedChannel ch = channel(full);
        send(ch, hello(Role.CUSTOMER, 1));
        assertFatal(ch, ErrorCode.CAPACITY);
    }

    @Test
    void dataBeforePairingIsUnexpected() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setOpenSession(OpenSession.getDefaultInstance()).build());
        read(ch);
        send(ch, RelayFrame.newBuilder().setData(dev.lifeline.common.wire.relay.Data.getDefaultInstance()).build());
        assertFatal(ch, ErrorCode.UNEXPECTED_FRAME);
        assertEquals(0, registry.size(), "the nameplate of a dropped customer is released");
    }

    @Test
    void pairingInTheLobbyMovesBothToForwarding() throws Exception {
        EmbeddedChannel customer = channel(lobby);
        send(customer, hello(Role.CUSTOMER, 1));
        read(customer);
        send(customer, RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName("Ada")).build());
        String nameplate = read(customer).getSessionOpened().getNameplate();
        EmbeddedChannel technician = channel(lobby);
        send(technician, hello(Role.TECHNICIAN, 1));
        read(technician);
        send(technician, RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(nameplate)).build());
        customer.runPendingTasks();
        RelayFrame techPaired = read(technician);
        RelayFrame custPaired = read(customer);
        assertEquals("Ada", techPaired.getPaired().getCustomerName());
        assertEquals(techPaired.getPaired().getSessionId(), custPaired.getPaired().getSessionId());
        assertEquals(LobbyHandler.REPORT_CLAIM_BYTES, techPaired.getPaired().getReportClaim().size(),
                "the technician gets the session's report claim");
        assertTrue(custPaired.getPaired().getReportClaim().isEmpty(), "the customer never sees it");
        assertTrue(customer.pipeline().get("forwarding") != null);
        assertTrue(technician.pipeline().get("forwarding") != null);
        send(technician, RelayFrame.newBuilder().setData(dev.lifeline.common.wire.relay.Data.newBuilder().setSeq(1)).build());
        customer.runPendingTasks();
        assertEquals(1, read(customer).getData().getSeq());
    }
}
