package dev.lifeline.common.recording;

import static dev.lifeline.common.recording.RecordingFormat.*;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.wire.recording.RecordingHeader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a recording in one pass: checks the hash chain chunk by chunk against the relay's signed
 * checkpoints, and lists every frame with where its payload lies, so that a player can seek and
 * read payloads on demand. A damaged chunk does not hide the others: each checkpoint carries the
 * signed chain value the next chunk starts from. A file cut short (relay killed) reads up to its
 * last complete record.
 */
public final class RecordingReader implements Closeable {
    private final SeekableByteChannel channel;
    private final RecordingHeader header;
    private final List<RecordedFrame> frames;
    private final List<RecordedSealedKeys> sealedKeys;
    private final Verification verification;

    private RecordingReader(SeekableByteChannel channel, RecordingHeader header, List<RecordedFrame> frames,
                            List<RecordedSealedKeys> sealedKeys, Verification verification) {
        this.channel = channel;
        this.header = header;
        this.frames = List.copyOf(frames);
        this.sealedKeys = List.copyOf(sealedKeys);
        this.verification = verification;
    }

    public static RecordingReader open(Path file) throws IOException, MalformedRecordingException {
        return open(file, null);
    }

    /** With {@code pinnedRelayKey} (32 bytes) the signatures must be that relay's; null trusts the header's key. */
    public static RecordingReader open(Path file, byte[] pinnedRelayKey) throws IOException, MalformedRecordingException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return open(channel, pinnedRelayKey);
        } catch (IOException | MalformedRecordingException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public static RecordingReader open(SeekableByteChannel channel, byte[] pinnedRelayKey)
            throws IOException, MalformedRecordingException {
        return new Scan(channel, pinnedRelayKey).run();
    }

    public RecordingHeader header() {
        return header;
    }

    /** Every frame, in file order (ALTERED ones included, marked). */
    public List<RecordedFrame> frames() {
        return frames;
    }

    public List<RecordedSealedKeys> sealedKeys() {
        return sealedKeys;
    }

    public Verification verification() {
        return verification;
    }

    /** The frame's payload (the opaque end-to-end bytes the relay forwarded). */
    public synchronized byte[] payload(RecordedFrame frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(frame.payloadLength());
        channel.position(frame.payloadOffset());
        readFully(channel, buffer);
        return buffer.array();
    }

    /**
     * The on-disk index (chunk offsets and first times), from the trailer; empty when the
     * recording was not closed. For tools that seek without scanning the whole file.
     */
    public synchronized List<IndexEntry> index() throws IOException {
        long size = channel.size();
        if (size < PREAMBLE_BYTES + TRAILER_BYTES) {
            return List.of();
        }
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
        channel.position(size - TRAILER_BYTES);
        readFully(channel, trailer);
        trailer.flip();
        long indexOffset = trailer.getLong();
        byte[] magic = new byte[TRAILER_MAGIC.length];
        trailer.get(magic);
        if (!Arrays.equals(magic, TRAILER_MAGIC) || indexOffset < PREAMBLE_BYTES || indexOffset > size - TRAILER_BYTES - 9) {
            return List.of();
        }
        ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER_BYTES + 4);
        channel.position(indexOffset);
        readFully(channel, head);
        head.flip();
        if (head.get() != TYPE_INDEX) {
            return List.of();
        }
        int length = head.getInt();
        int count = head.getInt();
        if (count < 0 || count > MAX_INDEX_ENTRIES || length != 4 + 24L * count) {
            return List.of();
        }
        ByteBuffer body = ByteBuffer.allocate(24 * count);
        readFully(channel, body);
        body.flip();
        List<IndexEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new IndexEntry(body.getLong(), body.getLong(), body.getLong()));
        }
        return entries;
    }

    /** One chunk in the index: its file offset, the receive time of its first record, its first record number. */
    public record IndexEntry(long offset, long firstTimeMs, long firstRecord) {
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new java.io.EOFException();
            }
        }
    }

    /** The single pass. */
    private static final class Scan {
        private final SeekableByteChannel channel;
        private final byte[] pinnedRelayKey;
        private final List<RecordedFrame> frames = new ArrayList<>();
        private final List<RecordedSealedKeys> keys = new ArrayList<>();
        /** Indices into frames/keys of the current chunk's records, marked once the chunk closes. */
        private final List<Integer> chunkFrames = new ArrayList<>();
        private final List<Integer> chunkKeys = new ArrayList<>();
        private byte[] sessionId;
        private byte[] relayKey;
        private byte[] hash = chainStart();
        private long records;
        private long verified;
        private long altered;
        private String firstProblem;
        private EndReason endReason;
        private boolean damagedFraming;
        private long position;

        Scan(SeekableByteChannel channel, byte[] pinnedRelayKey) {
            this.channel = channel;
            this.pinnedRelayKey = pinnedRelayKey == null ? null : pinnedRelayKey.clone();
        }

        RecordingReader run() throws IOException, MalformedRecordingException {
            channel.position(0);
            ByteBuffer preamble = ByteBuffer.allocate(PREAMBLE_BYTES);
            if (!readOrEof(preamble)) {
                throw new MalformedRecordingException("not a Lifeline recording (too short)");
            }
            preamble.flip();
            byte[] magic = new byte[MAGIC.length];
            preamble.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new MalformedRecordingException("not a Lifeline recording (bad magic)");
            }
            int version = Short.toUnsignedInt(preamble.getShort());
            if (version != VERSION) {
                throw new MalformedRecordingException("recording format version " + version + " is not supported (this app reads " + VERSION + ")");
            }
            RecordingHeader header = readHeader();
            boolean sawEnd = false;
            while (!sawEnd) {
                ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER_BYTES);
                if (!readOrEof(head)) {
                    break;
                }
                head.flip();
                byte type = head.get();
                int length = head.getInt();
                if (length < 0 || length > MAX_RECORD_BODY || !knownType(type)) {
                    damagedFraming = true;
                    problem("unreadable record at byte " + (position - RECORD_HEADER_BYTES));
                    break;
                }
                long bodyOffset = position;
                if (type == TYPE_INDEX) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                if (!readOrEof(body)) {
                    break;
                }
                byte[] bytes = body.array();
                switch (type) {
                    case TYPE_FRAME, TYPE_SEALED_KEYS -> chainedRecord(type, bytes, bodyOffset);
                    case TYPE_CHECKPOINT -> checkpoint(bytes);
                    case TYPE_END -> {
                        end(bytes);
                        sawEnd = true;
                    }
                    default -> {
                        damagedFraming = true;
                        problem("a second header at byte " + (bodyOffset - RECORD_HEADER_BYTES));
                        sawEnd = true;
                    }
                }
            }
            long unsigned = chunkFrames.size() + chunkKeys.size();
            Verification.Status status;
            String detail;
            if (altered > 0 || firstProblem != null) {
                status = Verification.Status.ALTERED;
                detail = "altered: " + firstProblem + "; " + altered + " record(s) withheld, "
                        + verified + " verified";
            } else if (endReason == null) {
                status = Verification.Status.TRUNCATED;
                detail = "truncated: the recording stops without the relay's final signature; "
                        + verified + " record(s) verified" + (unsigned > 0 ? ", " + unsigned + " after the last signature" : "");
            } else {
                status = Verification.Status.INTACT;
                detail = "intact: " + verified + " record(s), signed by the relay; " + endReason.description();
            }
            return new RecordingReader(channel, header, frames, keys,
                    new Verification(status, detail, verified, unsigned, altered, endReason, relayKey.clone()));
        }

        private RecordingHeader readHeader() throws IOException, MalformedRecordingException {
            ByteBuffer head = ByteBuffer.allocate(RECORD_HEADER_BYTES);
            if (!readOrEof(head)) {
                throw new MalformedRecordingException("the recording has no header");
            }
            head.flip();
            byte type = head.get();
            int length = head.getInt();
            if (type != TYPE_HEADER || length < 0 || length > 64 * 1024) {
                throw new MalformedRecordingException("the recording does not start with a header");
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            if (!readOrEof(body)) {
                throw new MalformedRecordingException("the recording's header is cut short");
            }
            try {
                RecordingHeader header = RecordingHeader.parseFrom(body.array());
                sessionId = header.getSessionId().toByteArray();
                relayKey = header.getRelaySigningKey().toByteArray();
                if (pinnedRelayKey != null && !MessageDigest.isEqual(pinnedRelayKey, relayKey)) {
                    problem("the recording names another relay signing key than the one given");
                    relayKey = pinnedRelayKey;
                }
                hash = chain(hash, TYPE_HEADER, body.array(), 0, length);
                records = 1;
                return header;
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedRecordingException("the recording's header cannot be read");
            }
        }

        private void chainedRecord(byte type, byte[] body, long bodyOffset) {
            hash = chain(hash, type, body, 0, body.length);
            records++;
            ByteBuffer in = ByteBuffer.wrap(body);
            Sender from = Sender.of(in.get());
            if (type == TYPE_FRAME && body.length >= 17) {
                long seq = in.getLong();
                long at = in.getLong();
                chunkFrames.add(frames.size());
                frames.add(new RecordedFrame(records - 1, from, seq, at, bodyOffset + 17, body.length - 17, Integrity.UNSIGNED));
            } else if (type == TYPE_SEALED_KEYS && body.length >= 9) {
                long at = in.getLong();
                chunkKeys.add(keys.size());
                keys.add(new RecordedSealedKeys(from, at, Arrays.copyOfRange(body, 9, body.length), Integrity.UNSIGNED));
            }
        }

        private void checkpoint(byte[] body) {
            if (body.length != 8 + HASH_BYTES + SIGNATURE_BYTES) {
                closeChunk(false, "a malformed checkpoint at byte " + position);
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(body);
            long count = in.getLong();
            byte[] signedHash = new byte[HASH_BYTES];
            in.get(signedHash);
            byte[] signature = new byte[SIGNATURE_BYTES];
            in.get(signature);
            boolean signatureOk = Ed25519.verify(relayKey, checkpointMessage(sessionId, count, signedHash), signature);
            boolean matches = signatureOk && count == records && MessageDigest.isEqual(signedHash, hash);
            closeChunk(matches, signatureOk
                    ? "records " + (records - chunkFrames.size() - chunkKeys.size()) + "–" + (records - 1)
                            + " do not match the relay's signature (changed, reordered, removed or inserted)"
                    : "a checkpoint's signature is not the relay's");
            if (signatureOk) {
                // The next chunk starts from the signed value, so one damaged chunk does not spoil the rest.
                hash = signedHash;
                records = count;
            }
        }

        private void end(byte[] body) {
            if (body.length != 1 + 8 + 8 + HASH_BYTES + SIGNATURE_BYTES) {
                closeChunk(false, "a malformed end record");
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(body);
            byte reasonCode = in.get();
            long endedAt = in.getLong();
            long count = in.getLong();
            byte[] signedHash = new byte[HASH_BYTES];
            in.get(signedHash);
            byte[] signature = new byte[SIGNATURE_BYTES];
            in.get(signature);
            EndReason reason = EndReason.of(reasonCode);
            boolean signatureOk = reason != null
                    && Ed25519.verify(relayKey, endMessage(sessionId, reason, endedAt, count, signedHash), signature);
            boolean matches = signatureOk && count == records && MessageDigest.isEqual(signedHash, hash);
            closeChunk(matches, "the final hash does not match the relay's signature");
            if (matches) {
                endReason = reason;
            } else if (firstProblem == null) {
                problem("the final hash does not match the relay's signature");
            }
        }

        private void closeChunk(boolean ok, String problemIfNot) {
            Integrity integrity = ok ? Integrity.VERIFIED : Integrity.ALTERED;
            for (int i : chunkFrames) {
                RecordedFrame f = frames.get(i);
                frames.set(i, new RecordedFrame(f.record(), f.from(), f.seq(), f.receivedAtMs(), f.payloadOffset(),
                        f.payloadLength(), integrity));
            }
            for (int i : chunkKeys) {
                RecordedSealedKeys k = keys.get(i);
                keys.set(i, new RecordedSealedKeys(k.from(), k.receivedAtMs(), k.sealed(), integrity));
            }
            long n = chunkFrames.size() + chunkKeys.size();
            if (ok) {
                verified += n;
            } else {
                altered += n;
                problem(problemIfNot);
            }
            chunkFrames.clear();
            chunkKeys.clear();
        }

        private void problem(String text) {
            if (firstProblem == null) {
                firstProblem = text;
            }
        }

        private static boolean knownType(byte type) {
            return type >= TYPE_HEADER && type <= TYPE_INDEX;
        }

        /** Reads the buffer full; false at a clean or partial end of file (a cut recording). */
        private boolean readOrEof(ByteBuffer buffer) throws IOException {
            channel.position(position);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return false;
                }
            }
            position += buffer.capacity();
            return true;
        }
    }
}
