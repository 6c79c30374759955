package dev.lifeline.relay.server;

import dev.lifeline.relay.pairing.Lobby;
import dev.lifeline.relay.recording.FileRecordingStore;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import dev.lifeline.relay.recording.RecordingFetches;
import dev.lifeline.relay.recording.RecordingPolicy;
import dev.lifeline.relay.recording.RelaySigningKey;
import dev.lifeline.relay.recording.RetentionPurge;
import dev.lifeline.relay.recording.SessionRecorder;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's recording parts, wired from the organisation's policy in the data directory: the
 * session recorder, the file store ({@code DATA_DIR/recordings}), the hourly retention purge and
 * the lead fetch service. Nothing at all when the policy is off or absent.
 */
final class RelayRecording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRecording.class);
    static final String DIRECTORY = "recordings";

    private final RecordingPolicy policy;
    private final SessionRecorder recorder;
    private final RecordingFetches fetches;
    private final RelaySigningKey signingKey;
    private final ScheduledExecutorService purgeTimer;

    private RelayRecording(RecordingPolicy policy, SessionRecorder recorder, RecordingFetches fetches,
                           RelaySigningKey signingKey, ScheduledExecutorService purgeTimer) {
        this.policy = policy;
        this.recorder = recorder;
        this.fetches = fetches;
        this.signingKey = signingKey;
        this.purgeTimer = purgeTimer;
    }

    static RelayRecording start(RelayConfig config) throws IOException {
        Optional<RecordingPolicy> loaded = RecordingPolicy.load(config.dataDir().resolve("organisation"));
        if (loaded.isEmpty()) {
            return new RelayRecording(null, null, null, null, null);
        }
        RecordingPolicy policy = loaded.get();
        FileRecordingStore store = new FileRecordingStore(config.dataDir().resolve(DIRECTORY));
        RelaySigningKey signingKey = RelaySigningKey.loadOrCreate(config.dataDir());
        SessionRecorder recorder = new SessionRecorder(store, policy, signingKey, config.clock());
        ScheduledExecutorService purgeTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "recording-retention");
            thread.setDaemon(true);
            return thread;
        });
        purgeTimer.scheduleWithFixedDelay(new RetentionPurge(store, policy.retentionDays(), config.clock()),
                0, 1, TimeUnit.HOURS);
        LOG.info("recording sessions for {} (kept {} days)", policy.organisation(), policy.retentionDays());
        return new RelayRecording(policy, recorder, new RecordingFetches(store, policy.fetchPublicKey(), config.clock()),
                signingKey, purgeTimer);
    }

    ForwardedFrameListener listener() {
        return recorder == null ? ForwardedFrameListener.NONE : recorder;
    }

    void attach(Lobby lobby) {
        if (policy != null) {
            lobby.recording(policy.notice(), fetches);
        }
    }

    boolean enabled() {
        return recorder != null;
    }

    Optional<String> signingKeyHex() {
        return signingKey == null ? Optional.empty() : Optional.of(signingKey.publicKeyHex());
    }

    @Override
    public void close() {
        if (recorder != null) {
            purgeTimer.shutdownNow();
            recorder.close();
        }
    }
}
