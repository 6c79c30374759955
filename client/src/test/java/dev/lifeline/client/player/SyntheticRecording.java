package dev.lifeline.client.player;

import com.google.protobuf.ByteString;
import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.crypto.SealedRecordingKey;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.crypto.TrafficSealer;
import dev.lifeline.common.recording.EndReason;
import dev.lifeline.common.recording.RecordingSigner;
import dev.lifeline.common.recording.RecordingWriter;
import dev.lifeline.common.recording.Sender;
import dev.lifeline.common.screen.EncodedUpdate;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenEncoder;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.wire.e2e.Capability;
import dev.lifeline.common.wire.e2e.ChatMessage;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.e2e.ConsentState;
import dev.lifeline.common.wire.e2e.E2eEnvelope;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.recording.RecordingHeader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Writes a recording as the relay would store one, without a network: real traffic keys sealed to
 * the organisation's key, real sealed messages, the real screen encoder on the given frames at
 * {@code fps} with a keyframe every 10 s, a chat line every {@code chatEveryMs}. For player tests
 * and the seek benchmark (an hour of session in seconds).
 */
final class SyntheticRecording {
    static final long START = 1_700_000_000_000L;

    private SyntheticRecording() {
    }

    static void write(Path file, byte[] recordingPublicKey, List<ScreenImage> frames, int fps, long durationMs,
                      long chatEveryMs) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] sessionId = new byte[16];
        random.nextBytes(sessionId);
        byte[] c2t = new byte[32];
        byte[] t2c = new byte[32];
        random.nextBytes(c2t);
        random.nextBytes(t2c);
        TrafficKeys keys = new TrafficKeys(c2t, t2c, sessionId);
        TrafficSealer customer = keys.forCustomer().sealer();
        TrafficSealer technician = keys.forTechnician().sealer();
        Ed25519PrivateKeyParameters relayKey = new Ed25519PrivateKeyParameters(random);
        RecordingSigner signer = new RecordingSigner() {
            @Override
            public byte[] publicKey() {
                return relayKey.generatePublicKey().getEncoded();
            }

            @Override
            public byte[] sign(byte[] message) {
                return Ed25519.sign(relayKey, message);
            }
        };
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            RecordingWriter writer = new RecordingWriter(out, RecordingHeader.newBuilder()
                    .setSessionId(ByteString.copyFrom(sessionId)).setStartedAtMs(START).setCustomerName("Dana")
                    .setOrganisation("ACME Support").setRecordingPublicKey(ByteString.copyFrom(recordingPublicKey)).build(),
                    signer, RecordingWriter.Limits.DEFAULT);
            writer.appendSealedKeys(Sender.CUSTOMER, SealedRecordingKey.seal(keys, recordingPublicKey), START);
            long[] seq = {0, 0};
            send(writer, customer, Sender.CUSTOMER, seq, START + 5, SessionMessage.newBuilder().setConsentState(
                    ConsentState.newBuilder().setLastChange(ConsentChange.newBuilder().setCapability(Capability.VIEW_SCREEN)
                            .setKind(ConsentChange.Kind.GRANTED).setActor(ConsentChange.Actor.CUSTOMER))).build());
            ScreenEncoder encoder = new ScreenEncoder(new JpegPhotoCodec());
            long frameMs = 1000L / fps;
            long lastKeyframe = -1;
            long nextChat = chatEveryMs;
            int chats = 0;
            for (long t = 10, n = 0; t < durationMs; t += frameMs, n++) {
                if (lastKeyframe < 0 || t - lastKeyframe >= 10_000) {
                    encoder.requestKeyframe();
                }
                EncodedUpdate update = encoder.encode(frames.get((int) (n % frames.size())), Quality.AUTO);
                if (update.keyframe()) {
                    lastKeyframe = t;
                }
                List<byte[]> slices = update.slices();
                for (int i = 0; i < slices.size(); i++) {
                    send(writer, customer, Sender.CUSTOMER, seq, START + t, SessionMessage.newBuilder().setScreenUpdate(
                            ScreenUpdate.newBuilder().setStream(1).setFrameNumber(n).setSlice(ByteString.copyFrom(slices.get(i)))
                                    .setFirstSlice(i == 0).setLastSlice(i == slices.size() - 1).setKeyframe(update.keyframe()))
                            .build());
                }
                if (t >= nextChat) {
                    nextChat += chatEveryMs;
                    chats++;
                    send(writer, technician, Sender.TECHNICIAN, seq, START + t, SessionMessage.newBuilder()
                            .setChat(ChatMessage.newBuilder().setText("note " + chats)).build());
                }
            }
            writer.close(EndReason.SESSION_ENDED, START + durationMs);
        }
    }

    private static void send(RecordingWriter writer, TrafficSealer sealer, Sender from, long[] seq, long at,
                             SessionMessage message) throws IOException {
        int side = from == Sender.CUSTOMER ? 0 : 1;
        byte[] payload = E2eEnvelope.newBuilder().setSealed(sealer.seal(message.toByteArray())).build().toByteArray();
        writer.appendFrame(from, ++seq[side], at, payload);
    }
}
