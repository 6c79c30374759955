package dev.lifeline.common.transfer;

import dev.lifeline.common.wire.e2e.FileAccept;
import dev.lifeline.common.wire.e2e.FileAck;
import dev.lifeline.common.wire.e2e.FileCancel;
import dev.lifeline.common.wire.e2e.FileChunk;
import dev.lifeline.common.wire.e2e.FileDecline;
import dev.lifeline.common.wire.e2e.FileOffer;
import dev.lifeline.common.wire.e2e.FileResend;
import dev.lifeline.common.wire.e2e.FileResult;
import dev.lifeline.common.wire.e2e.FileTransfer;
import java.util.Optional;

/**
 * The receiving end of one transfer, without I/O. The offer is checked (name, size, chunk size,
 * digest length) before anyone is asked; chunks must come in order and match their CRC-32C (a
 * corrupt one asks for a resend from there, bounded); the owner writes each accepted chunk and
 * reports it with {@link #written}, which yields the acks; once every byte is written the owner
 * hashes the file and {@link #verified} decides. Not thread-safe: the session thread owns it.
 */
public final class IncomingTransfer {
    /** What to do with a chunk that arrived. */
    public enum Verdict {
        /** Write its data at its offset, then call {@link #written}. */
        WRITE,
        /** From before a resend request: drop it quietly. */
        STALE,
        /** Corrupt: send {@link #resendRequest()}; later chunks are stale until the resend arrives. */
        RESEND,
        /** Corrupt too often: the transfer failed; send {@link #cancelMessage()}. */
        FAILED
    }

    private final long id;
    private final String name;
    private final long size;
    private final byte[] sha256;
    private final int chunkBytes;
    private TransferState state = TransferState.OFFERED;
    private TransferError error;
    private String detail = "";
    private String savedAs = "";
    /** Next offset we expect on the wire. */
    private long expected;
    /** Bytes written (reported by the owner). */
    private long written;
    private long lastAcked;
    private int epoch;
    private int resends;
    private boolean awaitingResend;

    private IncomingTransfer(long id, String name, long size, byte[] sha256, int chunkBytes) {
        this.id = id;
        this.name = name;
        this.size = size;
        this.sha256 = sha256;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Checks an offer before anyone sees it.
     *
     * @throws TransferException BAD_NAME, TOO_LARGE or PROTOCOL; nothing is created
     */
    public static IncomingTransfer fromOffer(long id, FileOffer offer) throws TransferException {
        String name = FileNames.sanitise(offer.getName());
        if (offer.getSize() > TransferLimits.MAX_FILE_BYTES || offer.getSize() < 0) {
            throw new TransferException(TransferError.TOO_LARGE, "the file is larger than "
                    + (TransferLimits.MAX_FILE_BYTES >> 30) + " GiB");
        }
        if (offer.getChunkSize() < TransferLimits.MIN_CHUNK_BYTES || offer.getChunkSize() > TransferLimits.MAX_CHUNK_BYTES) {
            throw new TransferException(TransferError.PROTOCOL, "chunk size " + offer.getChunkSize() + " out of bounds");
        }
        if (offer.getSha256().size() != Checksums.SHA256_BYTES) {
            throw new TransferException(TransferError.PROTOCOL, "the SHA-256 is not 32 bytes");
        }
        return new IncomingTransfer(id, name, offer.getSize(), offer.getSha256().toByteArray(), offer.getChunkSize());
    }

    /**
     * Accepts, already holding {@code heldBytes} of the file from an earlier attempt. Only whole
     * chunks are kept, so the resume offset is rounded down to a chunk boundary.
     */
    public FileTransfer accept(long heldBytes) {
        if (state != TransferState.OFFERED) {
            throw new IllegalStateException("accept while " + state);
        }
        long held = Math.max(0, Math.min(heldBytes, size));
        long resume = held == size ? size : held - held % chunkBytes;
        expected = resume;
        written = resume;
        lastAcked = resume;
        state = resume == size ? TransferState.VERIFYING : TransferState.RUNNING;
        return message().setAccept(FileAccept.newBuilder().setResumeOffset(resume)).build();
    }

    /** Bytes to keep of an earlier attempt's partial file, as {@link #accept} will use them. */
    public long resumeOffset(long heldBytes) {
        long held = Math.max(0, Math.min(heldBytes, size));
        return held == size ? size : held - held % chunkBytes;
    }

    public FileTransfer decline(String reason) {
        end(TransferState.CANCELLED, TransferError.DECLINED, reason);
        return message().setDecline(FileDecline.newBuilder().setReason(OutgoingTransfer.clip(reason))).build();
    }

    /**
     * Judges a chunk.
     *
     * @throws TransferException PROTOCOL for a chunk out of order, of the wrong length, from a
     *     future epoch or when none is expected
     */
    public Verdict onChunk(FileChunk chunk) throws TransferException {
        if (state != TransferState.RUNNING) {
            if (state.finished()) {
                return Verdict.STALE; // in flight when we cancelled or failed
            }
            throw protocol("chunk while " + state);
        }
        if (chunk.getEpoch() < epoch) {
            return Verdict.STALE;
        }
        if (chunk.getEpoch() > epoch) {
            throw protocol("chunk of epoch " + chunk.getEpoch() + " before a resend was asked");
        }
        if (chunk.getOffset() != expected) {
            if (awaitingResend) {
                return Verdict.STALE;
            }
            throw protocol("chunk at " + chunk.getOffset() + ", expected " + expected);
        }
        long wanted = Math.min(chunkBytes, size - expected);
        if (chunk.getData().size() != wanted) {
            throw protocol("chunk of " + chunk.getData().size() + " bytes at " + expected + ", expected " + wanted);
        }
        if (Checksums.crc32c(chunk.getData().toByteArray()) != chunk.getCrc32C()) {
            if (++resends > TransferLimits.MAX_RESENDS) {
                end(TransferState.FAILED, TransferError.CHUNK_CORRUPT, "chunks arrived corrupt " + resends + " times");
                return Verdict.FAILED;
            }
            epoch++;
            awaitingResend = true;
            return Verdict.RESEND;
        }
        awaitingResend = false;
        expected += wanted;
        return Verdict.WRITE;
    }

    public FileTransfer resendRequest() {
        return message().setResend(FileResend.newBuilder().setFromOffset(expected).setEpoch(epoch)).build();
    }

    /**
     * The owner wrote {@code length} bytes at {@code offset} (in order). Returns the ack to send,
     * if one is due: every {@link TransferLimits#ACK_EVERY_CHUNKS} chunks and at the end.
     */
    public Optional<FileTransfer> written(long offset, int length) {
        if (state != TransferState.RUNNING) {
            return Optional.empty();
        }
        if (offset != written) {
            throw new IllegalStateException("wrote at " + offset + " but " + written + " bytes were written");
        }
        written += length;
        if (written == size) {
            state = TransferState.VERIFYING;
        }
        if (written == size || written - lastAcked >= (long) TransferLimits.ACK_EVERY_CHUNKS * chunkBytes) {
            lastAcked = written;
            return Optional.of(message().setAck(FileAck.newBuilder().setConfirmedOffset(written)).build());
        }
        return Optional.empty();
    }

    /** True once every byte is written: hash the file and call {@link #verified}. */
    public boolean complete() {
        return state == TransferState.VERIFYING;
    }

    /**
     * The owner hashed what it wrote. A match means the owner may move the file into place (and
     * then calls {@link #saved}); a mismatch fails the transfer with CHECKSUM_MISMATCH.
     */
    public boolean verified(byte[] actualSha256) {
        if (state != TransferState.VERIFYING) {
            throw new IllegalStateException("verify while " + state);
        }
        if (Checksums.sameDigest(sha256, actualSha256)) {
            return true;
        }
        end(TransferState.FAILED, TransferError.CHECKSUM_MISMATCH, "the file's SHA-256 does not match the offer");
        return false;
    }

    /** The file is in place under {@code finalName}: the result for the sender. */
    public FileTransfer saved(String finalName) {
        state = TransferState.COMPLETED;
        savedAs = finalName;
        return message().setResult(FileResult.newBuilder().setOk(true).setSavedAs(OutgoingTransfer.clip(finalName))).build();
    }

    /** Failed here (checksum, I/O, protocol): the result for the sender. */
    public FileTransfer failed(TransferError why, String text) {
        if (!state.finished() || error == null) {
            end(TransferState.FAILED, why, text);
        }
        return message().setResult(FileResult.newBuilder().setOk(false).setError(error.toWire())
                .setDetail(OutgoingTransfer.clip(detail))).build();
    }

    /** We cancel; the message tells the sender. Empty when already over. */
    public Optional<FileTransfer> cancel(TransferError why, String text) {
        if (state.finished()) {
            return Optional.empty();
        }
        end(why == TransferError.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED, why, text);
        return Optional.of(cancelMessage());
    }

    public FileTransfer cancelMessage() {
        return message().setCancel(FileCancel.newBuilder().setReason(error == null ? TransferError.CANCELLED.toWire() : error.toWire())
                .setDetail(OutgoingTransfer.clip(detail)).setFromSender(false)).build();
    }

    public void cancelledByPeer(FileCancel cancel) {
        if (!state.finished()) {
            TransferError why = TransferError.fromWire(cancel.getReason());
            end(why == TransferError.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED, why,
                    OutgoingTransfer.clip(cancel.getDetail()));
        }
    }

    /** Fails without a message (the session is gone). */
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

    private static TransferException protocol(String why) {
        return new TransferException(TransferError.PROTOCOL, why);
    }

    private FileTransfer.Builder message() {
        return FileTransfer.newBuilder().setTransferId(id);
    }

    public long id() {
        return id;
    }

    /** The sanitised name. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public int chunkBytes() {
        return chunkBytes;
    }

    public TransferState state() {
        return state;
    }

    public long written() {
        return written;
    }

    public TransferError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public String savedAs() {
        return savedAs;
    }
}
