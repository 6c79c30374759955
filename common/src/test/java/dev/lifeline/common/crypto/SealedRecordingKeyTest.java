package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.e2e.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealedRecordingKeyTest {
    private final SecureRandom random = new SecureRandom();

    private TrafficKeys keys(byte[] sessionId) {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        return new TrafficKeys(a, b, sessionId);
    }

    @Test
    void theRecordingKeyOpensWhatEitherPeerSealed() throws Exception {
        X25519KeyPair recording = X25519KeyPair.generate(random);
        byte[] sessionId = new byte[16];
        random.nextBytes(sessionId);
        TrafficKeys keys = keys(sessionId);
        byte[] sealed = SealedRecordingKey.seal(keys, recording.publicKey());
        assertEquals(SealedRecordingKey.LENGTH, sealed.length);

        TrafficKeys opened = SealedRecordingKey.open(sealed, recording, sessionId);
        assertArrayEquals(keys.customerToTechnicianKey(), opened.customerToTechnicianKey());
        assertArrayEquals(keys.technicianToCustomerKey(), opened.technicianToCustomerKey());

        // The unsealed keys open what the live sealer sealed, under any counter order.
        TrafficSealer sealer = keys.forTechnician().sealer();
        Sealed first = sealer.seal("one".getBytes(StandardCharsets.UTF_8));
        Sealed second = sealer.seal("two".getBytes(StandardCharsets.UTF_8));
        RecordedTrafficOpener opener = RecordedTrafficOpener.of(opened, Direction.TECHNICIAN_TO_CUSTOMER);
        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), opener.open(second));
        assertArrayEquals("one".getBytes(StandardCharsets.UTF_8), opener.open(first));
        // Under another counter it is refused.
        assertThrows(TamperedMessageException.class, () -> opener.open(first.toBuilder().setCounter(2).build()));
        assertThrows(TamperedMessageException.class,
                () -> RecordedTrafficOpener.of(opened, Direction.CUSTOMER_TO_TECHNICIAN).open(first));
        assertThrows(TamperedMessageException.class, () -> opener.open(Sealed.newBuilder().setCounter(1)
                .setCiphertext(ByteString.copyFrom(new byte[20])).build()));
    }

    @Test
    void anotherSessionOrKeyCannotUseIt() {
        X25519KeyPair recording = X25519KeyPair.generate(random);
        byte[] sessionId = new byte[16];
        TrafficKeys keys = keys(sessionId);
        byte[] sealed = SealedRecordingKey.seal(keys, recording.publicKey());
        byte[] otherSession = new byte[16];
        otherSession[0] = 1;
        assertThrows(UnsealingFailedException.class, () -> SealedRecordingKey.open(sealed, recording, otherSession));
        assertThrows(UnsealingFailedException.class,
                () -> SealedRecordingKey.open(sealed, X25519KeyPair.generate(random), sessionId));
        assertThrows(UnsealingFailedException.class,
                () -> SealedRecordingKey.open(new byte[10], recording, sessionId));
    }
}
