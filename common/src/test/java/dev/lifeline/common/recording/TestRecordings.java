package dev.lifeline.common.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.wire.recording.RecordingHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** A small recording written in memory: {@code n} frames alternating senders, 100 ms apart. */
final class TestRecordings {
    static final byte[] SESSION = new byte[16];
    final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    final RecordingSigner signer = new RecordingSigner() {
        @Override
        public byte[] publicKey() {
            return key.generatePublicKey().getEncoded();
        }

        @Override
        public byte[] sign(byte[] message) {
            return Ed25519.sign(key, message);
        }
    };

    static byte[] payload(int i) {
        return ("frame " + i + " ").repeat(1 + i % 7).getBytes(StandardCharsets.UTF_8);
    }

    byte[] write(int frames, RecordingWriter.Limits limits, boolean close) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingHeader header = RecordingHeader.newBuilder().setSessionId(ByteString.copyFrom(SESSION))
                .setStartedAtMs(1_000).setCustomerName("Dana").build();
        RecordingWriter writer = new RecordingWriter(out, header, signer, limits);
        writer.appendSealedKeys(Sender.CUSTOMER, new byte[113], 1_000);
        for (int i = 0; i < frames; i++) {
            Sender from = i % 2 == 0 ? Sender.CUSTOMER : Sender.TECHNICIAN;
            writer.appendFrame(from, i / 2 + 1, 1_000 + 100L * i, payload(i));
        }
        if (close) {
            writer.close(EndReason.SESSION_ENDED, 1_000 + 100L * frames);
        }
        return out.toByteArray();
    }
}
