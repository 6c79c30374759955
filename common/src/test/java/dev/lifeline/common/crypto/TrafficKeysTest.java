package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.e2e.Sealed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TrafficKeysTest {
    private static final byte[] C2T = filled(0x11);
    private static final byte[] T2C = filled(0x22);
    private static final byte[] SESSION = "session-42".getBytes(StandardCharsets.US_ASCII);

    private final TrafficKeys keys = new TrafficKeys(C2T, T2C, SESSION);
    private final TrafficEnd customer = keys.forCustomer();
    private final TrafficEnd technician = keys.forTechnician();

    @Test
    void sealsWithCountersOneTwoThreeAndOpensBothWays() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Sealed sealed = customer.sealer().seal(utf8("hello " + i));
            assertEquals(i, sealed.getCounter());
            assertArrayEquals(utf8("hello " + i), technician.opener().open(sealed));
        }
        Sealed back = technician.sealer().seal(utf8("hi"));
        assertEquals(1, back.getCounter());
        assertArrayEquals(utf8("hi"), customer.opener().open(back));
    }

    @Test
    void nonceAndAssociatedDataFollowTheWireLayout() throws Exception {
        Sealed sealed = customer.sealer().seal(utf8("x"));
        byte[] nonce = HexFormat.of().parseHex("010000000000000000000001");
        byte[] ad = ByteBuffer.allocate(15 + SESSION.length + 9)
                .put("lifeline-e2e-v1".getBytes(StandardCharsets.US_ASCII)).put(SESSION)
                .put((byte) 1).putLong(1).array();
        assertArrayEquals(utf8("x"), AesGcm.open(C2T, nonce, ad, sealed.getCiphertext().toByteArray()));
    }

    @Test
    void replayIsRejectedWithoutAdvancing() throws Exception {
        Sealed first = customer.sealer().seal(utf8("one"));
        Sealed second = customer.sealer().seal(utf8("two"));
        technician.opener().open(first);
        assertThrows(ReplayedMessageException.class, () -> technician.opener().open(first));
        assertThrows(ReplayedMessageException.class,
                () -> technician.opener().open(first.toBuilder().setCounter(0).build()));
        assertArrayEquals(utf8("two"), technician.opener().open(second));
    }

    @Test
    void skippedCounterIsOutOfOrderAndDoesNotAdvance() throws Exception {
        Sealed first = customer.sealer().seal(utf8("one"));
        Sealed second = customer.sealer().seal(utf8("two"));
        assertThrows(OutOfOrderMessageException.class, () -> technician.opener().open(second));
        technician.opener().open(first);
        technician.opener().open(second);
    }

    @Test
    void tamperedCiphertextOrCounterIsRejectedWithoutAdvancing() throws Exception {
        Sealed sealed = customer.sealer().seal(utf8("pay 10"));
        byte[] flipped = sealed.getCiphertext().toByteArray();
        flipped[0] ^= 1;
        SealedMessageRejectedException e = assertThrows(TamperedMessageException.class,
                () -> technician.opener().open(sealed.toBuilder().setCiphertext(ByteString.copyFrom(flipped)).build()));
        assertEquals(1, e.counter());
        assertArrayEquals(utf8("pay 10"), technician.opener().open(sealed));
    }

    @Test
    void messageReflectedBackToItsSenderIsRejected() throws Exception {
        Sealed sealed = customer.sealer().seal(utf8("mine"));
        assertThrows(TamperedMessageException.class, () -> customer.opener().open(sealed));
    }

    @Test
    void otherSessionIdIsRejected() throws Exception {
        Sealed sealed = customer.sealer().seal(utf8("mine"));
        TrafficEnd otherSession = new TrafficKeys(C2T, T2C, utf8("session-43")).forTechnician();
        assertThrows(TamperedMessageException.class, () -> otherSession.opener().open(sealed));
    }

    @Test
    void counterOverflowRefusesToSeal() throws Exception {
        TrafficSealer nearEnd = new TrafficSealer(C2T, SESSION, Direction.CUSTOMER_TO_TECHNICIAN, -2L);
        assertEquals(-1L, nearEnd.seal(utf8("last")).getCounter());
        assertThrows(CounterExhaustedException.class, () -> nearEnd.seal(utf8("wraps")));
    }

    @Test
    void toStringHidesKeysAndDestroyWipes() {
        assertFalse(keys.toString().contains("1111"));
        keys.destroy();
        assertThrows(IllegalStateException.class, keys::forCustomer);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }
}
