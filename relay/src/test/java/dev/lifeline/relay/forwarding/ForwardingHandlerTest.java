package dev.lifeline.relay.forwarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.Ack;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.Ping;
import dev.lifeline.common.wire.relay.RejectPeer;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two EmbeddedChannels paired through a real SessionTable; frames are objects (no codec). */
class ForwardingHandlerTest {
    private final SessionTable table = new SessionTable(Duration.ofSeconds(60));
    private final List<String> seen = new ArrayList<>();
    private final List<String> lifecycle = new ArrayList<>();

    private EmbeddedChannel customer;
    private EmbeddedChannel technician;
    private SessionTable.Pairing pairing;

    private void pair() throws Exception {
        customer = channel();
        technician = channel();
        pairing = table.pair("Ada", customer, technician, new SessionLifecycle() {
            @Override
            public void sessionEnded(PairedSession session) {
                lifecycle.add("ended");
            }

            @Override
            public void customerRejectedPeer(ChannelHandlerContext ctx, PairedSession session) {
                lifecycle.add("rejected");
            }
        });
        customer.pipeline().addLast(new ForwardingHandler(table, pairing.session(), Role.CUSTOMER,
                (id, from, seq, payload) -> seen.add(from + ":" + seq + ":" + payload.length)));
        technician.pipeline().addLast(new ForwardingHandler(table, pairing.session(), Role.TECHNICIAN,
                (id, from, seq, payload) -> seen.add(from + ":" + seq + ":" + payload.length)));
    }

    private static EmbeddedChannel channel() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ch.config().setAutoRead(false);
        ch.register();
        return ch;
    }

    /** Closes {@code first}, checks its peer saw PeerAway and nothing else is left over. */
    private static void finishBoth(EmbeddedChannel first, EmbeddedChannel second) {
        assertFalse(first.finish());
        second.runPendingTasks();
        assertTrue(((RelayFrame) second.readOutbound()).hasPeerAway());
        assertFalse(second.finish());
    }

    private static RelayFrame data(long seq, int size) {
        return RelayFrame.newBuilder().setData(Data.newBuilder().setSeq(seq)
                .setPayload(ByteString.copyFrom(new byte[size]))).build();
    }

    private static void inbound(EmbeddedChannel ch, RelayFrame frame) {
        ch.writeInbound(frame);
        ch.runPendingTasks();
    }

    @Test
    void forwardsDataAndAcksVerbatimAndAnswersPings() throws Exception {
        pair();
        RelayFrame d = data(1, 100);
        inbound(customer, d);
        assertEquals(d, technician.readOutbound());
        RelayFrame ack = RelayFrame.newBuilder().setAck(Ack.newBuilder().setSeq(1).setResync(true)).build();
        inbound(technician, ack);
        assertEquals(ack, customer.readOutbound());
        inbound(technician, RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(9)).build());
        assertEquals(9, ((RelayFrame) technician.readOutbound()).getPong().getNonce());
        assertEquals(List.of("CUSTOMER:1:100"), seen);
        finishBoth(customer, technician);
    }

    @Test
    void closeIsForwardedAndEndsTheSession() throws Exception {
        pair();
        RelayFrame close = RelayFrame.newBuilder().setClose(Close.newBuilder()
                .setReason(CloseReason.ENDED_BY_CUSTOMER)).build();
        inbound(customer, close);
        technician.runPendingTasks();
        assertEquals(close, technician.readOutbound());
        technician.runPendingTasks();
        assertFalse(customer.isActive());
        assertFalse(technician.isActive());
        assertTrue(pairing.session().isEnded());
        assertEquals(List.of("ended"), lifecycle);
        assertEquals(0, table.size());
        assertFalse(customer.finish());
        assertFalse(technician.finish());
    }

    @Test
    void unexpectedFrameWhilePairedIsFatal() throws Exception {
        pair();
        inbound(technician, RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate("123")).build());
        RelayFrame error = technician.readOutbound();
        assertEquals(ErrorCode.UNEXPECTED_FRAME, error.getError().getCode());
        assertTrue(error.getError().getFatal());
        technician.runPendingTasks();
        assertFalse(technician.isActive());
        assertFalse(technician.finish());
    }

    @Test
    void onlyTheCustomerMayReject() throws Exception {
        pair();
        inbound(technician, RelayFrame.newBuilder().setRejectPeer(RejectPeer.getDefaultInstance()).build());
        assertEquals(ErrorCode.UNEXPECTED_FRAME, ((RelayFrame) technician.readOutbound()).getError().getCode());
        assertFalse(technician.finish());
    }

    @Test
    void rejectDropsTheTechnicianAndHandsTheCustomerBack() throws Exception {
        pair();
        inbound(customer, RelayFrame.newBuilder().setRejectPeer(RejectPeer.getDefaultInstance()).build());
        technician.runPendingTasks();
        RelayFrame error = technician.readOutbound();
        assertEquals(ErrorCode.REJECTED_BY_CUSTOMER, error.getError().getCode());
        assertTrue(error.getError().getFatal());
        technician.runPendingTasks();
        assertFalse(technician.isActive());
        assertEquals(List.of("rejected"), lifecycle, "the nameplate is not ended by a reject");
        assertTrue(customer.isActive());
        assertFalse(technician.finish());
    }

    @Test
    void dropStartsGraceThenPeerLost() throws Exception {
        pair();
        customer.close();
        technician.runPendingTasks();
        RelayFrame away = technician.readOutbound();
        assertEquals(60, away.getPeerAway().getGraceSeconds());
        inbound(technician, data(5, 10));
        assertNull(technician.readOutbound(), "data for an absent peer is dropped");
        assertTrue(seen.isEmpty());
        technician.advanceTimeBy(61, TimeUnit.SECONDS);
        technician.runScheduledPendingTasks();
        technician.runPendingTasks();
        RelayFrame close = technician.readOutbound();
        assertNotNull(close);
        assertEquals(CloseReason.PEER_LOST, close.getClose().getReason());
        technician.runPendingTasks();
        assertFalse(technician.isActive());
        assertEquals(List.of("ended"), lifecycle);
        assertFalse(technician.finish());
    }

    @Test
    void resumeTakesOverAndTokensAreSingleUse() throws Exception {
        pair();
        technician.close();
        customer.runPendingTasks();
        assertTrue(((RelayFrame) customer.readOutbound()).hasPeerAway());
        EmbeddedChannel back = channel();
        SessionTable.Resumption r = table.resume(pairing.technicianToken(), Role.TECHNICIAN, back);
        assertNotNull(r);
        assertTrue(r.peerPresent());
        assertArrayEquals(pairing.session().id(), r.session().id());
        customer.runPendingTasks();
        assertTrue(((RelayFrame) customer.readOutbound()).hasPeerBack());
        assertNull(table.resume(pairing.technicianToken(), Role.TECHNICIAN, channel()), "tokens are single use");
        assertNull(table.resume(r.newToken(), Role.CUSTOMER, channel()), "a token belongs to one role");
        back.pipeline().addLast(new ForwardingHandler(table, r.session(), Role.TECHNICIAN, (a, b, c, d) -> { }));
        inbound(customer, data(2, 3));
        back.runPendingTasks();
        assertEquals(data(2, 3), back.readOutbound());
        finishBoth(customer, back);
    }

    @Test
    void sideAwayWhenThePeerClosedLearnsTheCloseOnResume() throws Exception {
        pair();
        assertFalse(customer.finish()); // the customer's connection drops without a goodbye
        technician.runPendingTasks();
        assertTrue(((RelayFrame) technician.readOutbound()).hasPeerAway());
        RelayFrame close = RelayFrame.newBuilder().setClose(Close.newBuilder()
                .setReason(CloseReason.ENDED_BY_TECHNICIAN)).build();
        technician.writeInbound(close);

        assertEquals(close, table.closeHeardLate(pairing.customerToken()).orElseThrow(),
                "the customer coming back hears how the session ended");
        assertTrue(table.closeHeardLate(pairing.customerToken()).isEmpty(), "single use, like the token");
        assertTrue(table.closeHeardLate(pairing.technicianToken()).isEmpty(), "the closer needs no reminder");
        assertTrue(table.resume(pairing.customerToken(), Role.CUSTOMER, channel()) == null);
        assertFalse(technician.finish());
    }

    @Test
    void resumeWhileTheOldConnectionLooksAliveClosesIt() throws Exception {
        pair();
        EmbeddedChannel back = channel();
        SessionTable.Resumption r = table.resume(pairing.customerToken(), Role.CUSTOMER, back);
        assertNotNull(r);
        customer.runPendingTasks();
        assertFalse(customer.isActive(), "the stale connection is closed");
        technician.runPendingTasks();
        assertTrue(((RelayFrame) technician.readOutbound()).hasPeerBack());
        assertNull(technician.readOutbound(), "no PeerAway for the superseded connection");
        assertFalse(technician.finish());
    }

    @Test
    void bothAwayThenBothBack() throws Exception {
        pair();
        customer.close();
        technician.runPendingTasks();
        technician.readOutbound(); // PeerAway
        technician.close();
        EmbeddedChannel c2 = channel();
        SessionTable.Resumption rc = table.resume(pairing.customerToken(), Role.CUSTOMER, c2);
        assertFalse(rc.peerPresent());
        EmbeddedChannel t2 = channel();
        SessionTable.Resumption rt = table.resume(pairing.technicianToken(), Role.TECHNICIAN, t2);
        assertTrue(rt.peerPresent());
        c2.runPendingTasks();
        assertTrue(((RelayFrame) c2.readOutbound()).hasPeerBack());
        assertFalse(c2.finish());
        assertFalse(t2.finish());
    }

    @Test
    void nextFrameIsReadOnlyAfterThePeerWriteCompletes() throws Exception {
        pair();
        // The technician's socket is "slow": its writes stay pending until we complete them.
        List<io.netty.channel.ChannelPromise> pending = new ArrayList<>();
        technician.pipeline().addFirst(new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                pending.add(promise);
            }
        });
        int[] reads = {0};
        customer.pipeline().addFirst(new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                reads[0]++;
                ctx.read();
            }
        });
        inbound(customer, data(1, 10));
        technician.runPendingTasks();
        customer.runPendingTasks();
        assertEquals(1, pending.size());
        assertEquals(0, reads[0], "no read while the peer has not taken the frame");
        pending.get(0).setSuccess();
        customer.runPendingTasks();
        assertEquals(1, reads[0], "exactly one read once the write went through");
        assertFalse(customer.finish());
        // The technician's writes were swallowed by the stand-in socket; nothing else is left.
        assertFalse(technician.finish());
    }
}
