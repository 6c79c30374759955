package dev.lifeline.common.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.Ack;
import dev.lifeline.common.wire.relay.Data;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliableDeliveryTest {
    private static ByteString bytes(String s) {
        return ByteString.copyFromUtf8(s);
    }

    @Test
    void numbersFramesFromOneAndForgetsAcknowledgedOnes() {
        ReliableDelivery sender = new ReliableDelivery();
        assertEquals(1, sender.send(bytes("a")).getSeq());
        assertEquals(2, sender.send(bytes("b")).getSeq());
        assertEquals(3, sender.send(bytes("c")).getSeq());
        assertEquals(List.of(), sender.onAck(Ack.newBuilder().setSeq(2).build()));
        assertEquals(1, sender.unackedFrames());
        assertEquals(1, sender.unackedBytes());
    }

    @Test
    void resyncAckResendsEverythingThePeerLacksInOrder() {
        ReliableDelivery sender = new ReliableDelivery();
        for (String s : List.of("a", "b", "c", "d")) {
            sender.send(bytes(s));
        }
        List<Data> resend = sender.onAck(Ack.newBuilder().setSeq(1).setResync(true).build());
        assertEquals(List.of(2L, 3L, 4L), resend.stream().map(Data::getSeq).toList());
        assertEquals("b", resend.get(0).getPayload().toStringUtf8());
    }

    @Test
    void receiverDropsDuplicatesAndRefusesGaps() {
        ReliableDelivery receiver = new ReliableDelivery();
        Data one = Data.newBuilder().setSeq(1).build();
        Data two = Data.newBuilder().setSeq(2).build();
        Data four = Data.newBuilder().setSeq(4).build();
        assertTrue(receiver.accept(one));
        assertFalse(receiver.accept(one), "a resent frame is delivered once");
        assertTrue(receiver.accept(two));
        assertThrows(DeliveryProtocolException.class, () -> receiver.accept(four));
        assertEquals(2, receiver.ack().getSeq());
        assertTrue(receiver.resyncAck().getResync());
    }

    @Test
    void lostFramesArriveExactlyOnceAfterResync() {
        ReliableDelivery alice = new ReliableDelivery();
        ReliableDelivery bob = new ReliableDelivery();
        List<String> delivered = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Data d = alice.send(bytes("line " + i));
            if (i <= 2 || i == 4) { // 3 and 5 are lost in a cut connection; 4 is past the gap
                if (i == 4) {
                    assertThrows(DeliveryProtocolException.class, () -> bob.accept(d));
                } else if (bob.accept(d)) {
                    delivered.add(d.getPayload().toStringUtf8());
                }
            }
        }
        for (Data d : alice.onAck(bob.resyncAck())) {
            if (bob.accept(d)) {
                delivered.add(d.getPayload().toStringUtf8());
            }
        }
        assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5"), delivered);
    }

    @Test
    void framesThePeerSentBeforeHearingOfTheResumeAreDroppedAndArriveOnceWithTheResend() {
        ReliableDelivery alice = new ReliableDelivery();
        ReliableDelivery bob = new ReliableDelivery();
        List<String> delivered = new ArrayList<>();
        List<Data> sent = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            sent.add(alice.send(bytes("chunk " + i)));
        }
        assertTrue(bob.accept(sent.get(0)));
        delivered.add("chunk 1");
        // 2 and 3 went down with Bob's old connection; Bob resumes and asks for a resend, while
        // 4 and 5, which Alice sent before she heard of the resume, reach his new connection first.
        Ack resync = bob.resyncAck();
        assertFalse(bob.accept(sent.get(3)), "past the gap while the resend is awaited: dropped, not fatal");
        assertFalse(bob.accept(sent.get(4)));
        for (Data d : alice.onAck(resync)) {
            if (bob.accept(d)) {
                delivered.add(d.getPayload().toStringUtf8());
            }
        }
        assertEquals(List.of("chunk 1", "chunk 2", "chunk 3", "chunk 4", "chunk 5", "chunk 6"), delivered);
        // The resend has arrived: a gap now is a breach again.
        alice.send(bytes("chunk 7"));
        Data eight = alice.send(bytes("chunk 8"));
        assertThrows(DeliveryProtocolException.class, () -> bob.accept(eight));
    }

    @Test
    void ackForUnsentFrameIsAProtocolError() {
        ReliableDelivery sender = new ReliableDelivery();
        sender.send(bytes("a"));
        assertThrows(DeliveryProtocolException.class, () -> sender.onAck(Ack.newBuilder().setSeq(2).build()));
    }

    @Test
    void resendBufferIsBounded() {
        ReliableDelivery sender = new ReliableDelivery(2, 1024);
        sender.send(bytes("a"));
        sender.send(bytes("b"));
        assertThrows(ResendBufferFullException.class, () -> sender.send(bytes("c")));
        sender.onAck(Ack.newBuilder().setSeq(1).build());
        assertEquals(3, sender.send(bytes("c")).getSeq(), "room again once acknowledged");

        ReliableDelivery byBytes = new ReliableDelivery(100, 4);
        byBytes.send(bytes("abc"));
        assertThrows(ResendBufferFullException.class, () -> byBytes.send(bytes("de")));
    }
}
