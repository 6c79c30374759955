package dev.lifeline.common.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingContainerTest {
    @TempDir
    Path dir;

    private final TestRecordings recordings = new TestRecordings();
    /** Small chunks (10 frames at 100 ms) so that tests span several chunks. */
    private static final RecordingWriter.Limits SMALL = new RecordingWriter.Limits(1 << 20, 1 << 20, 1_000);

    private RecordingReader read(byte[] bytes) throws Exception {
        Path file = dir.resolve("r" + System.nanoTime() + ".llrec");
        Files.write(file, bytes);
        return RecordingReader.open(file);
    }

    @Test
    void roundTripKeepsEveryFrameInOrderAndVerifies() throws Exception {
        try (RecordingReader reader = read(recordings.write(100, SMALL, true))) {
            assertEquals(Verification.Status.INTACT, reader.verification().status(), reader.verification().detail());
            assertEquals(EndReason.SESSION_ENDED, reader.verification().endReason());
            assertEquals("Dana", reader.header().getCustomerName());
            assertArrayEquals(recordings.signer.publicKey(), reader.header().getRelaySigningKey().toByteArray());
            List<RecordedFrame> frames = reader.frames();
            assertEquals(100, frames.size());
            for (int i = 0; i < 100; i++) {
                RecordedFrame f = frames.get(i);
                assertEquals(i % 2 == 0 ? Sender.CUSTOMER : Sender.TECHNICIAN, f.from());
                assertEquals(i / 2 + 1, f.seq());
                assertEquals(1_000 + 100L * i, f.receivedAtMs());
                assertEquals(Integrity.VERIFIED, f.integrity());
                assertArrayEquals(TestRecordings.payload(i), reader.payload(f));
            }
            assertEquals(1, reader.sealedKeys().size());
            assertEquals(113, reader.sealedKeys().get(0).sealed().length);
        }
    }

    @Test
    void theIndexPointsAtChunkStartsInTimeOrder() throws Exception {
        try (RecordingReader reader = read(recordings.write(100, SMALL, true))) {
            List<RecordingReader.IndexEntry> index = reader.index();
            assertTrue(index.size() >= 9, "one chunk per second of a 10 s recording: " + index.size());
            long lastTime = -1;
            for (RecordingReader.IndexEntry entry : index) {
                assertTrue(entry.firstTimeMs() > lastTime);
                lastTime = entry.firstTimeMs();
            }
            // Seek: the chunk holding t = 5.45 s starts at or before the first frame at or after it.
            long target = 1_000 + 5_450;
            RecordingReader.IndexEntry chunk = index.stream().filter(e -> e.firstTimeMs() <= target)
                    .reduce((a, b) -> b).orElseThrow();
            RecordedFrame firstInChunk = reader.frames().stream().filter(f -> f.record() >= chunk.firstRecord())
                    .findFirst().orElseThrow();
            assertEquals(chunk.firstTimeMs(), firstInChunk.receivedAtMs());
            // Reading from the chunk offset yields a record header of a frame or sealed key.
            assertTrue(firstInChunk.payloadOffset() - 5 - 17 == chunk.offset() || firstInChunk.payloadOffset() > chunk.offset());
        }
    }

    @Test
    void oneChangedByteIsReportedAndTheOtherChunksStillPlay() throws Exception {
        byte[] bytes = recordings.write(100, SMALL, true);
        byte[] target = TestRecordings.payload(50);
        int at = indexOf(bytes, target);
        bytes[at + 3] ^= 0x20;
        try (RecordingReader reader = read(bytes)) {
            Verification v = reader.verification();
            assertEquals(Verification.Status.ALTERED, v.status());
            assertTrue(v.detail().startsWith("altered"), v.detail());
            assertTrue(v.alteredRecords() > 0 && v.alteredRecords() <= 11, "only the chunk: " + v.alteredRecords());
            assertEquals(Integrity.ALTERED, reader.frames().get(50).integrity());
            assertEquals(Integrity.VERIFIED, reader.frames().get(0).integrity());
            assertEquals(Integrity.VERIFIED, reader.frames().get(99).integrity());
        }
    }

    @Test
    void swappedRecordsAreReported() throws Exception {
        byte[] bytes = recordings.write(20, SMALL, true);
        // Swap two whole records of equal size: frames 2 and 9 (2 % 7 == 9 % 7).
        byte[] a = TestRecordings.payload(2);
        byte[] b = TestRecordings.payload(9);
        int recordA = indexOf(bytes, a) - 17 - 5;
        int recordB = indexOf(bytes, b) - 17 - 5;
        int length = 5 + 17 + a.length;
        assertEquals(a.length, b.length, "same-sized records");
        byte[] copyA = Arrays.copyOfRange(bytes, recordA, recordA + length);
        System.arraycopy(bytes, recordB, bytes, recordA, length);
        System.arraycopy(copyA, 0, bytes, recordB, length);
        try (RecordingReader reader = read(bytes)) {
            assertEquals(Verification.Status.ALTERED, reader.verification().status());
        }
    }

    @Test
    void aRecordingCutShortPlaysUpToTheCut() throws Exception {
        byte[] whole = recordings.write(95, SMALL, false);
        byte[] cut = Arrays.copyOf(whole, whole.length - 7);
        try (RecordingReader reader = read(cut)) {
            Verification v = reader.verification();
            assertEquals(Verification.Status.TRUNCATED, v.status(), v.detail());
            assertTrue(v.detail().startsWith("truncated"));
            assertEquals(94, reader.frames().size(), "the cut frame is gone, the rest is there");
            assertEquals(Integrity.VERIFIED, reader.frames().get(0).integrity());
            assertEquals(Integrity.UNSIGNED, reader.frames().get(93).integrity());
            assertTrue(reader.index().isEmpty());
        }
    }

    @Test
    void theSizeLimitEndsTheRecordingCleanly() throws Exception {
        RecordingWriter.Limits tiny = new RecordingWriter.Limits(8192, 1 << 20, 1_000);
        try (RecordingReader reader = read(recordings.write(1_000, tiny, true))) {
            assertEquals(Verification.Status.INTACT, reader.verification().status());
            assertEquals(EndReason.SIZE_LIMIT, reader.verification().endReason());
            assertTrue(reader.frames().size() < 1_000);
            assertTrue(Files.size(Files.list(dir).findFirst().orElseThrow()) <= 8192);
        }
    }

    @Test
    void anotherRelayKeyOrNotARecordingIsRefused() throws Exception {
        byte[] bytes = recordings.write(10, SMALL, true);
        Path file = dir.resolve("x.llrec");
        Files.write(file, bytes);
        try (RecordingReader reader = RecordingReader.open(file, new TestRecordings().signer.publicKey())) {
            assertEquals(Verification.Status.ALTERED, reader.verification().status());
        }
        Files.write(file, "hello, this is not a recording".getBytes());
        assertThrows(MalformedRecordingException.class, () -> RecordingReader.open(file));
        Files.write(file, new byte[3]);
        assertThrows(MalformedRecordingException.class, () -> RecordingReader.open(file));
    }

    @Test
    void appendsAfterCloseAreRefused() throws IOException {
        RecordingWriter writer = new RecordingWriter(new ByteArrayOutputStream(),
                dev.lifeline.common.wire.recording.RecordingHeader.getDefaultInstance(), recordings.signer, SMALL);
        writer.close(EndReason.SESSION_ENDED, 5);
        assertFalse(writer.appendFrame(Sender.CUSTOMER, 1, 6, new byte[1]));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
