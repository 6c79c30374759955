package dev.lifeline.common.recording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Constants and byte layouts of the recording container, version 1. The full description is
 * {@code docs/recording-format.md}; this class is its single source in code.
 */
public final class RecordingFormat {
    /** "LLREC", CR LF, SUB: a text-mode transfer or a truncated first line shows up at once (as in PNG). */
    static final byte[] MAGIC = {'L', 'L', 'R', 'E', 'C', '\r', '\n', 0x1a};
    public static final int VERSION = 1;
    /** Magic, u16 version, u16 reserved. */
    static final int PREAMBLE_BYTES = MAGIC.length + 4;
    /** u8 type, u32 body length. */
    static final int RECORD_HEADER_BYTES = 5;
    /** Largest record body: one relay frame (1 MiB) plus the frame record's own fields. */
    public static final int MAX_RECORD_BODY = (1 << 20) + 64;
    /** Largest index (entries of 25 bytes): enough for 100 days of 2-second chunks. */
    static final int MAX_INDEX_ENTRIES = 4_500_000;
    static final byte[] TRAILER_MAGIC = {'L', 'L', 'R', 'E', 'C', 'I', 'D', 'X'};
    static final int TRAILER_BYTES = 8 + TRAILER_MAGIC.length;
    static final int HASH_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    static final byte TYPE_HEADER = 1;
    static final byte TYPE_FRAME = 2;
    static final byte TYPE_SEALED_KEYS = 3;
    static final byte TYPE_CHECKPOINT = 4;
    static final byte TYPE_END = 5;
    static final byte TYPE_INDEX = 6;

    static final byte[] CHAIN_SEED = ascii("lifeline-recording-v1");
    static final byte[] CHECKPOINT_LABEL = ascii("lifeline-recording-checkpoint-v1");
    static final byte[] END_LABEL = ascii("lifeline-recording-end-v1");

    private RecordingFormat() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** h0 = SHA-256("lifeline-recording-v1"). */
    static byte[] chainStart() {
        return sha256().digest(CHAIN_SEED);
    }

    /** h_i = SHA-256(h_{i-1} || type || u32 length || body). */
    static byte[] chain(byte[] previous, byte type, byte[] body, int offset, int length) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(type);
        digest.update(ByteBuffer.allocate(4).putInt(length).array());
        digest.update(body, offset, length);
        return digest.digest();
    }

    /** What a checkpoint signs: label || session id || u64 chained records so far || chain hash. */
    static byte[] checkpointMessage(byte[] sessionId, long records, byte[] hash) {
        return ByteBuffer.allocate(CHECKPOINT_LABEL.length + sessionId.length + 8 + HASH_BYTES)
                .put(CHECKPOINT_LABEL).put(sessionId).putLong(records).put(hash).array();
    }

    /** What the end record signs: label || session id || reason || u64 end time || u64 records || hash. */
    static byte[] endMessage(byte[] sessionId, EndReason reason, long endedAtMs, long records, byte[] hash) {
        return ByteBuffer.allocate(END_LABEL.length + sessionId.length + 1 + 8 + 8 + HASH_BYTES)
                .put(END_LABEL).put(sessionId).put(reason.code()).putLong(endedAtMs).putLong(records).put(hash).array();
    }
}
