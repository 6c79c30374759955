package dev.lifeline.common.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.transfer.IncomingTransfer.Verdict;
import dev.lifeline.common.wire.e2e.FileChunk;
import dev.lifeline.common.wire.e2e.FileOffer;
import dev.lifeline.common.wire.e2e.FileResend;
import dev.lifeline.common.wire.e2e.FileTransfer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sender and receiver state machines against each other, with the file in memory: every byte
 * arrives once and in order, the window holds, corrupt chunks are sent again, a resume starts at
 * the receiver's last whole chunk, cancels end both sides.
 */
class TransferStateMachineTest {
    private static final int CHUNK = 16 * 1024;
    private static final int WINDOW = 4;

    private static byte[] file(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] sha(byte[] data) {
        return Checksums.sha256().digest(data);
    }

    private static OutgoingTransfer sender(byte[] data) {
        return new OutgoingTransfer(7, "data.bin", data.length, sha(data), CHUNK, WINDOW);
    }

    /** A receiver that "writes" into memory. */
    private static final class Disk {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<FileTransfer> acks = new ArrayList<>();

        void write(IncomingTransfer in, FileChunk chunk) {
            long offset = written.size();
            written.writeBytes(chunk.getData().toByteArray());
            in.written(offset, chunk.getData().size()).ifPresent(acks::add);
        }
    }

    private static List<FileTransfer> fillWindow(OutgoingTransfer out, byte[] data) {
        List<FileTransfer> sent = new ArrayList<>();
        for (Optional<ChunkSlot> slot; (slot = out.nextChunk()).isPresent(); ) {
            ChunkSlot s = slot.get();
            out.chunk(s, Arrays.copyOfRange(data, (int) s.offset(), (int) s.offset() + s.length())).ifPresent(sent::add);
        }
        return sent;
    }

    /** Runs the whole exchange; returns the receiver's bytes. */
    private static byte[] run(OutgoingTransfer out, IncomingTransfer in, byte[] data, Disk disk) throws TransferException {
        int rounds = 0;
        while (out.state() == TransferState.RUNNING) {
            List<FileTransfer> sent = fillWindow(out, data);
            assertTrue(sent.size() <= WINDOW, "never more than the window in flight");
            for (FileTransfer chunk : sent) {
                assertEquals(Verdict.WRITE, in.onChunk(chunk.getChunk()));
                disk.write(in, chunk.getChunk());
            }
            for (FileTransfer ack : disk.acks) {
                out.acked(ack.getAck().getConfirmedOffset());
            }
            disk.acks.clear();
            assertTrue(++rounds < 10_000);
        }
        return disk.written.toByteArray();
    }

    @Test
    void aWholeFileArrivesInOrderAndVerifies() throws TransferException {
        byte[] data = file(10 * CHUNK + 123);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        Disk disk = new Disk();
        assertArrayEquals(data, run(out, in, data, disk));
        assertEquals(TransferState.VERIFYING, out.state());
        assertTrue(in.complete());
        assertTrue(in.verified(sha(disk.written.toByteArray())));
        out.result(in.saved("data.bin").getResult());
        assertEquals(TransferState.COMPLETED, out.state());
        assertEquals("data.bin", out.savedAs());
        assertEquals(data.length, out.confirmed());
    }

    @Test
    void theWindowStopsTheSenderUntilAcksCome() throws TransferException {
        byte[] data = file(20 * CHUNK);
        OutgoingTransfer out = sender(data);
        out.accepted(IncomingTransfer.fromOffer(7, out.offer().getOffer()).accept(0).getAccept());
        assertEquals(WINDOW, fillWindow(out, data).size());
        assertTrue(out.nextChunk().isEmpty(), "window full");
        out.acked(2L * CHUNK);
        assertEquals(2, fillWindow(out, data).size(), "two acked, two more may go");
        assertThrows(TransferException.class, () -> out.acked(CHUNK), "acks never go backwards");
        assertThrows(TransferException.class, () -> out.acked(100L * CHUNK), "nor past what was sent");
    }

    @Test
    void aCorruptChunkIsSentAgainAndLaterChunksOfTheOldEpochAreDropped() throws TransferException {
        byte[] data = file(6 * CHUNK);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        Disk disk = new Disk();
        List<FileTransfer> sent = fillWindow(out, data);
        assertEquals(Verdict.WRITE, in.onChunk(sent.get(0).getChunk()));
        disk.write(in, sent.get(0).getChunk());
        FileChunk flipped = sent.get(1).getChunk().toBuilder()
                .setData(flip(sent.get(1).getChunk().getData())).build();
        assertEquals(Verdict.RESEND, in.onChunk(flipped));
        assertEquals(Verdict.STALE, in.onChunk(sent.get(2).getChunk()), "after the corrupt one: dropped");
        assertEquals(Verdict.STALE, in.onChunk(sent.get(3).getChunk()));
        FileResend resend = in.resendRequest().getResend();
        assertEquals(CHUNK, resend.getFromOffset());
        out.resend(resend);
        disk.acks.forEach(a -> {
            try {
                out.acked(a.getAck().getConfirmedOffset());
            } catch (TransferException e) {
                throw new AssertionError(e);
            }
        });
        disk.acks.clear();
        assertArrayEquals(data, run(out, in, data, disk), "the file is whole after the resend");
        assertTrue(in.verified(sha(disk.written.toByteArray())));
    }

    @Test
    void chunksCorruptTooOftenFailTheTransfer() throws TransferException {
        byte[] data = file(3 * CHUNK);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        for (int attempt = 1; attempt <= TransferLimits.MAX_RESENDS; attempt++) {
            FileTransfer first = fillWindow(out, data).get(0);
            assertEquals(Verdict.RESEND, in.onChunk(first.getChunk().toBuilder().setCrc32C(first.getChunk().getCrc32C() + 1).build()));
            out.resend(in.resendRequest().getResend());
        }
        FileTransfer first = fillWindow(out, data).get(0);
        assertEquals(Verdict.FAILED, in.onChunk(first.getChunk().toBuilder().setCrc32C(first.getChunk().getCrc32C() + 1).build()));
        assertEquals(TransferError.CHUNK_CORRUPT, in.error());
        out.cancelledByPeer(in.cancelMessage().getCancel());
        assertEquals(TransferState.FAILED, out.state());
        assertEquals(TransferError.CHUNK_CORRUPT, out.error());
    }

    @Test
    void aWholeFileWithTheWrongDigestFailsVerification() throws TransferException {
        byte[] data = file(3 * CHUNK);
        byte[] lie = sha(file(5));
        OutgoingTransfer out = new OutgoingTransfer(7, "data.bin", data.length, lie, CHUNK, WINDOW);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        Disk disk = new Disk();
        run(out, in, data, disk);
        assertFalse(in.verified(sha(disk.written.toByteArray())));
        assertEquals(TransferError.CHECKSUM_MISMATCH, in.error());
        out.result(in.failed(TransferError.CHECKSUM_MISMATCH, "").getResult());
        assertEquals(TransferState.FAILED, out.state());
        assertEquals(TransferError.CHECKSUM_MISMATCH, out.error());
        assertTrue(out.error().retryable());
    }

    @Test
    void aResumeStartsAtTheLastWholeChunkTheReceiverHolds() throws TransferException {
        byte[] data = file(8 * CHUNK + 5);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        long held = 3L * CHUNK + 1000; // a partial chunk at the end of the earlier attempt is dropped
        assertEquals(3L * CHUNK, in.resumeOffset(held));
        FileTransfer accept = in.accept(held);
        assertEquals(3L * CHUNK, accept.getAccept().getResumeOffset());
        out.accepted(accept.getAccept());
        ChunkSlot first = out.nextChunk().orElseThrow();
        assertEquals(3L * CHUNK, first.offset(), "the sender continues where the receiver is");
        Disk disk = new Disk();
        disk.written.writeBytes(Arrays.copyOf(data, 3 * CHUNK));
        FileTransfer chunk = out.chunk(first, Arrays.copyOfRange(data, 3 * CHUNK, 4 * CHUNK)).orElseThrow();
        assertEquals(Verdict.WRITE, in.onChunk(chunk.getChunk()));
        disk.write(in, chunk.getChunk());
        assertArrayEquals(data, run(out, in, data, disk));
        assertTrue(in.verified(sha(disk.written.toByteArray())));
    }

    @Test
    void aResumeOfACompleteFileGoesStraightToVerifying() throws TransferException {
        byte[] data = file(2 * CHUNK);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(data.length).getAccept());
        assertTrue(in.complete());
        assertEquals(TransferState.VERIFYING, out.state());
    }

    @Test
    void aResumeOffsetThatIsNotAChunkBoundaryIsAProtocolError() {
        byte[] data = file(4 * CHUNK);
        OutgoingTransfer out = sender(data);
        TransferException e = assertThrows(TransferException.class, () -> out.accepted(
                dev.lifeline.common.wire.e2e.FileAccept.newBuilder().setResumeOffset(CHUNK + 1).build()));
        assertEquals(TransferError.PROTOCOL, e.error());
        assertThrows(TransferException.class, () -> out.accepted(
                dev.lifeline.common.wire.e2e.FileAccept.newBuilder().setResumeOffset(5L * CHUNK).build()));
    }

    @Test
    void cancelOnEitherSideEndsBoth() throws TransferException {
        byte[] data = file(4 * CHUNK);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        List<FileTransfer> sent = fillWindow(out, data);
        FileTransfer cancel = out.cancel(TransferError.CANCELLED, "changed my mind").orElseThrow();
        assertEquals(TransferState.CANCELLED, out.state());
        assertTrue(out.nextChunk().isEmpty(), "nothing more is sent");
        in.cancelledByPeer(cancel.getCancel());
        assertEquals(TransferState.CANCELLED, in.state());
        assertEquals(Verdict.STALE, in.onChunk(sent.get(0).getChunk()), "chunks in flight are dropped");
        assertTrue(out.cancel(TransferError.CANCELLED, "again").isEmpty(), "a second cancel sends nothing");

        OutgoingTransfer out2 = sender(data);
        IncomingTransfer in2 = IncomingTransfer.fromOffer(8, out2.offer().getOffer());
        out2.accepted(in2.accept(0).getAccept());
        out2.cancelledByPeer(in2.cancel(TransferError.CANCELLED, "").orElseThrow().getCancel());
        assertEquals(TransferState.CANCELLED, out2.state());
        assertEquals(TransferError.CANCELLED, out2.error());
    }

    @Test
    void readsThatCompleteAfterACancelOrRewindAreNotSent() throws TransferException {
        byte[] data = file(4 * CHUNK);
        OutgoingTransfer out = sender(data);
        out.accepted(IncomingTransfer.fromOffer(7, out.offer().getOffer()).accept(0).getAccept());
        ChunkSlot slot = out.nextChunk().orElseThrow();
        out.resend(FileResend.newBuilder().setFromOffset(0).setEpoch(1).build());
        assertTrue(out.chunk(slot, Arrays.copyOf(data, CHUNK)).isEmpty(), "stale epoch");
        ChunkSlot again = out.nextChunk().orElseThrow();
        out.cancel(TransferError.CANCELLED, "");
        assertTrue(out.chunk(again, Arrays.copyOf(data, CHUNK)).isEmpty(), "cancelled");
    }

    @Test
    void outOfOrderWrongLengthAndFutureEpochChunksAreProtocolErrors() throws TransferException {
        byte[] data = file(4 * CHUNK);
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        List<FileTransfer> sent = fillWindow(out, data);
        assertEquals(TransferError.PROTOCOL, assertThrows(TransferException.class, () -> in.onChunk(sent.get(1).getChunk())).error());
        FileChunk shortChunk = sent.get(0).getChunk().toBuilder().setData(ByteString.copyFrom(new byte[10])).build();
        assertThrows(TransferException.class, () -> in.onChunk(shortChunk));
        assertThrows(TransferException.class, () -> in.onChunk(sent.get(0).getChunk().toBuilder().setEpoch(5).build()));
        assertEquals(Verdict.WRITE, in.onChunk(sent.get(0).getChunk()), "nothing was taken from the bad ones");
    }

    @Test
    void offersAreCheckedBeforeAnyoneIsAsked() {
        FileOffer good = FileOffer.newBuilder().setName("a.txt").setSize(10).setChunkSize(CHUNK)
                .setSha256(ByteString.copyFrom(new byte[32])).build();
        assertEquals(TransferError.BAD_NAME, assertThrows(TransferException.class,
                () -> IncomingTransfer.fromOffer(1, good.toBuilder().setName("../a.txt").build())).error());
        assertEquals(TransferError.TOO_LARGE, assertThrows(TransferException.class,
                () -> IncomingTransfer.fromOffer(1, good.toBuilder().setSize(TransferLimits.MAX_FILE_BYTES + 1).build())).error());
        assertEquals(TransferError.PROTOCOL, assertThrows(TransferException.class,
                () -> IncomingTransfer.fromOffer(1, good.toBuilder().setChunkSize(10).build())).error());
        assertEquals(TransferError.PROTOCOL, assertThrows(TransferException.class,
                () -> IncomingTransfer.fromOffer(1, good.toBuilder().setChunkSize(4 << 20).build())).error());
        assertEquals(TransferError.PROTOCOL, assertThrows(TransferException.class,
                () -> IncomingTransfer.fromOffer(1, good.toBuilder().setSha256(ByteString.copyFrom(new byte[31])).build())).error());
    }

    @Test
    void anEmptyFileNeedsNoChunks() throws TransferException {
        byte[] data = new byte[0];
        OutgoingTransfer out = sender(data);
        IncomingTransfer in = IncomingTransfer.fromOffer(7, out.offer().getOffer());
        out.accepted(in.accept(0).getAccept());
        assertTrue(in.complete());
        assertTrue(in.verified(sha(data)));
        out.result(in.saved("data.bin").getResult());
        assertEquals(TransferState.COMPLETED, out.state());
    }

    @Test
    void aSuccessReportedBeforeEveryByteWasAckedIsNotBelieved() throws TransferException {
        byte[] data = file(3 * CHUNK);
        OutgoingTransfer out = sender(data);
        out.accepted(IncomingTransfer.fromOffer(7, out.offer().getOffer()).accept(0).getAccept());
        out.result(dev.lifeline.common.wire.e2e.FileResult.newBuilder().setOk(true).build());
        assertEquals(TransferState.FAILED, out.state());
        assertEquals(TransferError.PROTOCOL, out.error());
    }

    private static ByteString flip(ByteString data) {
        byte[] b = data.toByteArray();
        b[b.length / 2] ^= 1;
        return ByteString.copyFrom(b);
    }
}
