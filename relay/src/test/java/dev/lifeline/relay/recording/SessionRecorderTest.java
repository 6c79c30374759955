package dev.lifeline.relay.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.recording.EndReason;
import dev.lifeline.common.recording.RecordedFrame;
import dev.lifeline.common.recording.RecordingReader;
import dev.lifeline.common.recording.RecordingSigner;
import dev.lifeline.common.recording.RecordingWriter;
import dev.lifeline.common.recording.Sender;
import dev.lifeline.common.recording.Verification;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.limits.MutableClock;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final RecordingSigner signer = new RecordingSigner() {
        @Override
        public byte[] publicKey() {
            return key.generatePublicKey().getEncoded();
        }

        @Override
        public byte[] sign(byte[] message) {
            return Ed25519.sign(key, message);
        }
    };
    private final RecordingPolicy policy = new RecordingPolicy(true, 30, 1L << 30, "ACME", new byte[32], new byte[64], new byte[32]);

    private static byte[] session(int n) {
        byte[] id = new byte[16];
        id[15] = (byte) n;
        return id;
    }

    @Test
    void recordsBothDirectionsInOrderWithTimesAndKeys() throws Exception {
        FileRecordingStore store = new FileRecordingStore(dir);
        SessionRecorder recorder = new SessionRecorder(store, policy, signer, clock);
        byte[] id = session(1);
        recorder.onPaired(id, "Dana");
        recorder.onSealedKeys(id, Role.CUSTOMER, new byte[129]);
        for (int i = 1; i <= 50; i++) {
            clock.advance(Duration.ofMillis(40));
            recorder.onForwarded(id, i % 2 == 0 ? Role.TECHNICIAN : Role.CUSTOMER, (i + 1) / 2, new byte[] {(byte) i, 1, 2});
        }
        recorder.onSessionEnded(id);
        recorder.drain();
        try (RecordingReader reader = RecordingReader.open(dir.resolve(SessionRecorder.id(id) + ".llrec"))) {
            Verification v = reader.verification();
            assertEquals(Verification.Status.INTACT, v.status(), v.detail());
            assertEquals(EndReason.SESSION_ENDED, v.endReason());
            assertEquals("Dana", reader.header().getCustomerName());
            List<RecordedFrame> frames = reader.frames();
            assertEquals(50, frames.size());
            for (int i = 1; i <= 50; i++) {
                RecordedFrame f = frames.get(i - 1);
                assertEquals(i % 2 == 0 ? Sender.TECHNICIAN : Sender.CUSTOMER, f.from());
                assertEquals((i + 1) / 2, f.seq());
                assertEquals(clock.millis() - 40L * (50 - i), f.receivedAtMs());
                assertArrayEquals(new byte[] {(byte) i, 1, 2}, reader.payload(f));
            }
            assertEquals(1, reader.sealedKeys().size());
        }
        recorder.close();
    }

    /** A store whose disk fills up after {@code room} bytes. */
    private static final class FullDisk implements RecordingStore {
        private final FileRecordingStore files;
        private final long room;

        FullDisk(FileRecordingStore files, long room) {
            this.files = files;
            this.room = room;
        }

        @Override
        public OutputStream create(String id) throws IOException {
            return new FilterOutputStream(files.create(id)) {
                long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written + len > room) {
                        throw new IOException("No space left on device");
                    }
                    written += len;
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public Optional<SeekableByteChannel> open(String id) throws IOException {
            return files.open(id);
        }

        @Override
        public List<Stored> list() throws IOException {
            return files.list();
        }

        @Override
        public void delete(String id) throws IOException {
            files.delete(id);
        }
    }

    @Test
    void aFullDiskStopsThatRecordingOnlyAndNothingThrows() throws Exception {
        FileRecordingStore files = new FileRecordingStore(dir);
        SessionRecorder recorder = new SessionRecorder(new FullDisk(files, 4_000), policy, signer, clock,
                new RecordingWriter.Limits(1L << 30, 1024, 1_000));
        byte[] id = session(2);
        recorder.onPaired(id, "Dana");
        for (int i = 1; i <= 200; i++) {
            clock.advance(Duration.ofMillis(10));
            recorder.onForwarded(id, Role.CUSTOMER, i, new byte[100]);
        }
        recorder.onSessionEnded(id);
        recorder.drain();
        assertTrue(recorder.failures() > 0);
        // What reached the disk reads as a recording cut short, verified up to its last checkpoint.
        try (RecordingReader reader = RecordingReader.open(dir.resolve(SessionRecorder.id(id) + ".llrec"))) {
            assertEquals(Verification.Status.TRUNCATED, reader.verification().status());
            assertTrue(reader.frames().size() > 5 && reader.frames().size() < 200);
        }
        recorder.close();
    }

    @Test
    void retentionPurgeDeletesOnlyWhatIsOlderThanThePolicy() throws Exception {
        FileRecordingStore store = new FileRecordingStore(dir);
        String old = SessionRecorder.id(session(3));
        String recent = SessionRecorder.id(session(4));
        store.create(old).close();
        store.create(recent).close();
        Files.setLastModifiedTime(dir.resolve(old + ".llrec"), FileTime.from(clock.instant().minus(Duration.ofDays(31))));
        Files.setLastModifiedTime(dir.resolve(recent + ".llrec"), FileTime.from(clock.instant().minus(Duration.ofDays(29))));
        RetentionPurge purge = new RetentionPurge(store, 30, clock);
        assertEquals(1, purge.purge());
        assertEquals(List.of(recent), store.list().stream().map(RecordingStore.Stored::id).toList());
        clock.advance(Duration.ofDays(2));
        assertEquals(1, purge.purge());
        assertTrue(store.list().isEmpty());
    }
}
