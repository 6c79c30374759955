package dev.lifeline.common.recording;

import static dev.lifeline.common.recording.RecordingFormat.*;

import dev.lifeline.common.wire.recording.RecordingHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends a session's records to a recording (format in {@code docs/recording-format.md}): header,
 * frames and sealed keys, hash-chained; a signed checkpoint closes each chunk (every
 * {@link Limits#chunkMillis} or {@link Limits#chunkBytes}); {@link #close} writes the signed end
 * record, the index and the trailer. Each chunk is flushed when it closes, so a relay that dies
 * leaves a file that reads up to its last complete record and verifies up to its last checkpoint.
 *
 * <p>Bounded: once {@link Limits#maxBytes} would be passed the recording ends with
 * {@link EndReason#SIZE_LIMIT} and further appends are ignored. Not thread-safe: one writer thread.
 */
public final class RecordingWriter implements AutoCloseable {
    /** Chunking and size bounds. */
    public record Limits(long maxBytes, int chunkBytes, long chunkMillis) {
        public static final Limits DEFAULT = new Limits(4L << 30, 256 << 10, 2_000);

        public Limits {
            if (maxBytes < 4096 || chunkBytes < 1 || chunkMillis < 1) {
                throw new IllegalArgumentException("recording limits too small");
            }
        }
    }

    private final OutputStream out;
    private final RecordingSigner signer;
    private final Limits limits;
    private final byte[] sessionId;
    private final List<IndexEntry> index = new ArrayList<>();
    private byte[] hash = chainStart();
    private long records;
    private long position;
    private long chunkStartPosition = -1;
    private long chunkStartMs;
    private boolean ended;

    record IndexEntry(long offset, long firstTimeMs, long firstRecord) {
    }

    /** Writes the preamble and the header record. */
    public RecordingWriter(OutputStream out, RecordingHeader header, RecordingSigner signer, Limits limits)
            throws IOException {
        this.out = Objects.requireNonNull(out);
        this.signer = Objects.requireNonNull(signer);
        this.limits = Objects.requireNonNull(limits);
        this.sessionId = header.getSessionId().toByteArray();
        ByteBuffer preamble = ByteBuffer.allocate(PREAMBLE_BYTES).put(MAGIC).putShort((short) VERSION).putShort((short) 0);
        write(preamble.array());
        chained(TYPE_HEADER, header.toBuilder().setFormatVersion(VERSION)
                .setRelaySigningKey(com.google.protobuf.ByteString.copyFrom(signer.publicKey())).build().toByteArray());
        out.flush();
    }

    /**
     * One forwarded Data frame. Returns false when the recording has ended (closed, or the size
     * limit was reached by this frame: then the end record is written instead).
     */
    public boolean appendFrame(Sender from, long seq, long receivedAtMs, byte[] payload) throws IOException {
        byte[] body = ByteBuffer.allocate(1 + 8 + 8 + payload.length)
                .put(from.code()).putLong(seq).putLong(receivedAtMs).put(payload).array();
        return append(TYPE_FRAME, body, receivedAtMs);
    }

    /** A peer's sealed traffic keys. */
    public boolean appendSealedKeys(Sender from, byte[] sealed, long receivedAtMs) throws IOException {
        byte[] body = ByteBuffer.allocate(1 + 8 + sealed.length).put(from.code()).putLong(receivedAtMs).put(sealed).array();
        return append(TYPE_SEALED_KEYS, body, receivedAtMs);
    }

    private boolean append(byte type, byte[] body, long nowMs) throws IOException {
        if (ended) {
            return false;
        }
        if (body.length > MAX_RECORD_BODY) {
            throw new IllegalArgumentException("record body of " + body.length + " bytes is over the limit");
        }
        // Room for this record, a checkpoint, the end record and a generous index.
        long reserve = RECORD_HEADER_BYTES * 3L + 8 + HASH_BYTES + SIGNATURE_BYTES + 26 + 8 + HASH_BYTES + SIGNATURE_BYTES
                + 4 + 25L * (index.size() + 2) + TRAILER_BYTES;
        if (position + RECORD_HEADER_BYTES + body.length + reserve > limits.maxBytes()) {
            close(EndReason.SIZE_LIMIT, nowMs);
            return false;
        }
        if (chunkStartPosition < 0) {
            chunkStartPosition = position;
            chunkStartMs = nowMs;
            index.add(new IndexEntry(position, nowMs, records));
        }
        chained(type, body);
        if (position - chunkStartPosition >= limits.chunkBytes() || nowMs - chunkStartMs >= limits.chunkMillis()) {
            checkpoint();
        }
        return true;
    }

    /** Closes the current chunk if it is older than the chunk time (the owner calls this on a timer). */
    public void checkpointIfDue(long nowMs) throws IOException {
        if (!ended && chunkStartPosition >= 0 && nowMs - chunkStartMs >= limits.chunkMillis()) {
            checkpoint();
        }
    }

    private void checkpoint() throws IOException {
        byte[] signature = signer.sign(checkpointMessage(sessionId, records, hash));
        byte[] body = ByteBuffer.allocate(8 + HASH_BYTES + SIGNATURE_BYTES).putLong(records).put(hash).put(signature).array();
        record(TYPE_CHECKPOINT, body);
        chunkStartPosition = -1;
        out.flush();
    }

    /** Bytes written so far. */
    public long size() {
        return position;
    }

    public boolean isEnded() {
        return ended;
    }

    /** Signs the final hash, writes the end record, the index and the trailer. Idempotent. */
    public void close(EndReason reason, long nowMs) throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (chunkStartPosition >= 0) {
            checkpoint();
        }
        byte[] signature = signer.sign(endMessage(sessionId, reason, nowMs, records, hash));
        record(TYPE_END, ByteBuffer.allocate(1 + 8 + 8 + HASH_BYTES + SIGNATURE_BYTES)
                .put(reason.code()).putLong(nowMs).putLong(records).put(hash).put(signature).array());
        long indexOffset = position;
        ByteBuffer body = ByteBuffer.allocate(4 + 24 * index.size()).putInt(index.size());
        for (IndexEntry entry : index) {
            body.putLong(entry.offset()).putLong(entry.firstTimeMs()).putLong(entry.firstRecord());
        }
        record(TYPE_INDEX, body.array());
        write(ByteBuffer.allocate(TRAILER_BYTES).putLong(indexOffset).put(TRAILER_MAGIC).array());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        close(EndReason.SESSION_ENDED, System.currentTimeMillis());
        out.close();
    }

    private void chained(byte type, byte[] body) throws IOException {
        hash = chain(hash, type, body, 0, body.length);
        records++;
        record(type, body);
    }

    private void record(byte type, byte[] body) throws IOException {
        write(ByteBuffer.allocate(RECORD_HEADER_BYTES).put(type).putInt(body.length).array());
        write(body);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        position += bytes.length;
    }
}
