package dev.lifeline.relay.recording;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recordings whose last write is older than the retention period. The relay runs it at
 * start and then every hour; the clock is injected so tests can move time.
 */
public final class RetentionPurge implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final RecordingStore store;
    private final Duration retention;
    private final Clock clock;

    public RetentionPurge(RecordingStore store, int retentionDays, Clock clock) {
        this.store = store;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    /** Deletes what is due; returns how many recordings were deleted. */
    public int purge() throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        for (RecordingStore.Stored stored : store.list()) {
            if (stored.lastWrittenAt().isBefore(cutoff)) {
                store.delete(stored.id());
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public void run() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.info("retention: deleted {} recording(s) older than {} days", deleted, retention.toDays());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("retention purge failed: {}", e.toString());
        }
    }
}
