package dev.lifeline.common.transfer;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.e2e.FileAccept;
import dev.lifeline.common.wire.e2e.FileCancel;
import dev.lifeline.common.wire.e2e.FileChunk;
import dev.lifeline.common.wire.e2e.FileOffer;
import dev.lifeline.common.wire.e2e.FileResend;
import dev.lifeline.common.wire.e2e.FileResult;
import dev.lifeline.common.wire.e2e.FileTransfer;
import java.util.Optional;

/**
 * The sending end of one transfer, without I/O: offer, then chunks in order with at most
 * {@link TransferLimits#WINDOW_CHUNKS} unacknowledged, rewinding when the receiver asks for a
 * resend, until the receiver reports the result. The owner reads the file for each
 * {@link ChunkSlot} and hands the bytes to {@link #chunk}. Not thread-safe: the session thread owns it.
 */
public final class OutgoingTransfer {
    private final long id;
    private final String name;
    private final long size;
    private final byte[] sha256;
    private final int chunkBytes;
    private final int window;
    private TransferState state = TransferState.OFFERED;
    private TransferError error;
    private String detail = "";
    private String savedAs = "";
    private long confirmed;
    /** Next byte to reserve for reading. */
    private long nextOffset;
    private int epoch;
    private int resends;

    public OutgoingTransfer(long id, String name, long size, byte[] sha256, int chunkBytes, int window) {
        if (size < 0 || size > TransferLimits.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("size " + size);
        }
        if (sha256.length != Checksums.SHA256_BYTES) {
            throw new IllegalArgumentException("sha256 length " + sha256.length);
        }
        this.id = id;
        this.name = name;
        this.size = size;
        this.sha256 = sha256.clone();
        this.chunkBytes = chunkBytes;
        this.window = window;
    }

    public OutgoingTransfer(long id, String name, long size, byte[] sha256) {
        this(id, name, size, sha256, TransferLimits.CHUNK_BYTES, TransferLimits.WINDOW_CHUNKS);
    }

    public FileTransfer offer() {
        return message().setOffer(FileOffer.newBuilder().setName(name).setSize(size)
                .setSha256(ByteString.copyFrom(sha256)).setChunkSize(chunkBytes)).build();
    }

    /**
     * The receiver accepted, holding {@code accept.resume_offset} bytes already.
     *
     * @throws TransferException PROTOCOL for an offset that is not a chunk boundary within the file
     */
    public void accepted(FileAccept accept) throws TransferException {
        requireState(TransferState.OFFERED, "accept");
        long resume = accept.getResumeOffset();
        if (resume < 0 || resume > size || (resume % chunkBytes != 0 && resume != size)) {
            throw protocol("resume offset " + resume + " is not a chunk boundary of a " + size + "-byte file");
        }
        confirmed = resume;
        nextOffset = resume;
        state = TransferState.RUNNING;
        if (confirmed == size) {
            state = TransferState.VERIFYING;
        }
    }

    public void declined(String reason) {
        if (!state.finished()) {
            fail(TransferError.DECLINED, reason);
        }
    }

    /** The next range to read and send, if the window has room; empty when waiting for acks or done. */
    public Optional<ChunkSlot> nextChunk() {
        if (state != TransferState.RUNNING || nextOffset >= size
                || nextOffset - confirmed >= (long) window * chunkBytes) {
            return Optional.empty();
        }
        int length = (int) Math.min(chunkBytes, size - nextOffset);
        ChunkSlot slot = new ChunkSlot(nextOffset, length, epoch);
        nextOffset += length;
        return Optional.of(slot);
    }

    /**
     * The message for a slot's bytes, as read; empty if the slot went stale meanwhile (a resend
     * request rewound the transfer, or it ended).
     */
    public Optional<FileTransfer> chunk(ChunkSlot slot, byte[] data) {
        if (state != TransferState.RUNNING || slot.epoch() != epoch) {
            return Optional.empty();
        }
        if (data.length != slot.length()) {
            throw new IllegalArgumentException("read " + data.length + " bytes for a slot of " + slot.length());
        }
        return Optional.of(message().setChunk(FileChunk.newBuilder().setOffset(slot.offset())
                .setData(ByteString.copyFrom(data)).setCrc32C(Checksums.crc32c(data)).setEpoch(epoch)).build());
    }

    /**
     * Cumulative ack from the receiver.
     *
     * @throws TransferException PROTOCOL if it goes backwards or past what was sent
     */
    public void acked(long confirmedOffset) throws TransferException {
        if (state != TransferState.RUNNING) {
            return; // late ack after a rewind, cancel or the end: harmless
        }
        if (confirmedOffset < confirmed || confirmedOffset > nextOffset) {
            throw protocol("ack for " + confirmedOffset + " outside " + confirmed + ".." + nextOffset);
        }
        confirmed = confirmedOffset;
        if (confirmed == size) {
            state = TransferState.VERIFYING;
        }
    }

    /**
     * The receiver found a corrupt chunk: send again from {@code from_offset} under the new epoch.
     * Bounded: after {@link TransferLimits#MAX_RESENDS} the transfer fails with CHUNK_CORRUPT.
     */
    public void resend(FileResend resend) throws TransferException {
        if (state != TransferState.RUNNING) {
            return;
        }
        if (resend.getEpoch() != epoch + 1 || resend.getFromOffset() < confirmed || resend.getFromOffset() > nextOffset
                || resend.getFromOffset() % chunkBytes != 0) {
            throw protocol("resend from " + resend.getFromOffset() + " epoch " + resend.getEpoch());
        }
        if (++resends > TransferLimits.MAX_RESENDS) {
            fail(TransferError.CHUNK_CORRUPT, "chunks arrived corrupt " + resends + " times");
            return;
        }
        epoch = resend.getEpoch();
        nextOffset = resend.getFromOffset();
    }

    /** How it ended at the receiver. */
    public void result(FileResult result) {
        if (state.finished()) {
            return;
        }
        if (result.getOk()) {
            if (confirmed != size) {
                fail(TransferError.PROTOCOL, "the receiver reported success before it had every byte");
                return;
            }
            state = TransferState.COMPLETED;
            savedAs = clip(result.getSavedAs());
        } else {
            fail(TransferError.fromWire(result.getError()), clip(result.getDetail()));
        }
    }

    /** We cancel (the person, a revoked grant, the session ending); the message tells the receiver. */
    public Optional<FileTransfer> cancel(TransferError why, String text) {
        if (state.finished()) {
            return Optional.empty();
        }
        end(why == TransferError.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED, why, text);
        return Optional.of(message().setCancel(FileCancel.newBuilder().setReason(why.toWire()).setDetail(clip(text)).setFromSender(true)).build());
    }

    /** The receiver cancelled. */
    public void cancelledByPeer(FileCancel cancel) {
        if (!state.finished()) {
            TransferError why = TransferError.fromWire(cancel.getReason());
            end(why == TransferError.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED, why, clip(cancel.getDetail()));
        }
    }

    /** Fails locally without telling the peer (it is gone, or it broke the protocol and is told separately). */
    public void fail(TransferError why, String text) {
        if (!state.finished()) {
            end(TransferState.FAILED, why, text);
        }
    }

    private void end(TransferState to, TransferError why, String text) {
        state = to;
        error = why;
        detail = text == null ? "" : text;
    }

    private void requireState(TransferState wanted, String step) throws TransferException {
        if (state != wanted) {
            throw protocol(step + " while " + state);
        }
    }

    private TransferException protocol(String why) {
        return new TransferException(TransferError.PROTOCOL, why);
    }

    private FileTransfer.Builder message() {
        return FileTransfer.newBuilder().setTransferId(id);
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > TransferLimits.MAX_DETAIL_CHARS ? s.substring(0, TransferLimits.MAX_DETAIL_CHARS) : s;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public TransferState state() {
        return state;
    }

    /** Bytes the receiver has confirmed written. */
    public long confirmed() {
        return confirmed;
    }

    /** Null unless FAILED or CANCELLED. */
    public TransferError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    /** The name the receiver saved under (COMPLETED only). */
    public String savedAs() {
        return savedAs;
    }
}
