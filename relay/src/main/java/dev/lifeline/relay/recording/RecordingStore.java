package dev.lifeline.relay.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where recordings live. Files in the relay's data directory by default ({@link FileRecordingStore});
 * an object store can implement the same. Ids are lower-case hex session ids.
 */
public interface RecordingStore {
    /** A new recording; fails if one with this id exists. */
    OutputStream create(String id) throws IOException;

    Optional<SeekableByteChannel> open(String id) throws IOException;

    List<Stored> list() throws IOException;

    void delete(String id) throws IOException;

    /** One stored recording. */
    record Stored(String id, long bytes, Instant lastWrittenAt) {
    }
}
