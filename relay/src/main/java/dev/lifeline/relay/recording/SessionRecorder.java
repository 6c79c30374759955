package dev.lifeline.relay.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.recording.EndReason;
import dev.lifeline.common.recording.RecordingSigner;
import dev.lifeline.common.recording.RecordingWriter;
import dev.lifeline.common.recording.Sender;
import dev.lifeline.common.wire.recording.RecordingHeader;
import dev.lifeline.common.wire.relay.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every session the relay carries while the organisation's policy says so: each forwarded
 * Data frame (both directions, receive time, sequence number) and each peer's sealed keys go to
 * that session's {@link RecordingWriter}. The relay holds no key that opens any of it.
 *
 * <p>Event loops never touch the disk: they queue the append on one writer thread. What is queued
 * is bounded ({@link #MAX_PENDING_BYTES} for the whole relay). When the writer falls that far
 * behind, or a write fails (full disk, I/O error), that session's recording stops: it is closed
 * with {@link EndReason#WRITER_BEHIND} if the disk still takes the end record, else it is left cut
 * short (the player reports it as truncated). The session itself and the relay go on either way.
 */
public final class SessionRecorder implements ForwardedFrameListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);
    /** Queued and not yet written, all sessions together. */
    static final long MAX_PENDING_BYTES = 64L << 20;
    /** Recordings open at once (one per live session). */
    static final int MAX_OPEN = 5_000;

    private final RecordingStore store;
    private final RecordingPolicy policy;
    private final RecordingSigner signer;
    private final Clock clock;
    private final RecordingWriter.Limits limits;
    private final ThreadPoolExecutor writerThread;
    private final ScheduledExecutorService ticker;
    private final AtomicLong pending = new AtomicLong();
    /** Touched only on the writer thread. */
    private final Map<String, RecordingWriter> open = new HashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public SessionRecorder(RecordingStore store, RecordingPolicy policy, RecordingSigner signer, Clock clock) {
        this(store, policy, signer, clock, new RecordingWriter.Limits(policy.maxBytesPerSession(),
                RecordingWriter.Limits.DEFAULT.chunkBytes(), RecordingWriter.Limits.DEFAULT.chunkMillis()));
    }

    SessionRecorder(RecordingStore store, RecordingPolicy policy, RecordingSigner signer, Clock clock,
                    RecordingWriter.Limits limits) {
        this.store = store;
        this.policy = policy;
        this.signer = signer;
        this.clock = clock;
        this.limits = limits;
        this.writerThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "recording-writer"));
        this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "recording-ticker"));
        // Close chunks of quiet sessions too, so a killed relay loses at most a second of signatures.
        ticker.scheduleWithFixedDelay(() -> submit(null, 0, this::checkpointAll), 1, 1, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    static String id(byte[] sessionId) {
        return HexFormat.of().formatHex(sessionId);
    }

    public RecordingPolicy policy() {
        return policy;
    }

    /** Writes that failed so far (full disk, I/O errors), for tests and metrics. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void onPaired(byte[] sessionId, String customerName) {
        String id = id(sessionId);
        long now = clock.millis();
        submit(id, 0, () -> {
            if (open.size() >= MAX_OPEN || open.containsKey(id)) {
                return;
            }
            try {
                OutputStream out = store.create(id);
                RecordingHeader header = RecordingHeader.newBuilder()
                        .setSessionId(ByteString.copyFrom(sessionId))
                        .setStartedAtMs(now)
                        .setCustomerName(customerName == null ? "" : customerName)
                        .setOrganisation(policy.organisation())
                        .setRecordingPublicKey(ByteString.copyFrom(policy.recordingPublicKey()))
                        .build();
                open.put(id, new RecordingWriter(out, header, signer, limits));
                streams.put(id, out);
            } catch (IOException | RuntimeException e) {
                failed(id, "cannot start", e);
            }
        });
    }

    private final Map<String, OutputStream> streams = new HashMap<>();

    @Override
    public void onForwarded(byte[] sessionId, Role from, long seq, byte[] payload) {
        String id = id(sessionId);
        long now = clock.millis();
        Sender sender = sender(from);
        submit(id, payload.length, () -> write(id, writer -> writer.appendFrame(sender, seq, now, payload)));
    }

    @Override
    public void onSealedKeys(byte[] sessionId, Role from, byte[] sealed) {
        String id = id(sessionId);
        long now = clock.millis();
        Sender sender = sender(from);
        submit(id, sealed.length, () -> write(id, writer -> writer.appendSealedKeys(sender, sealed, now)));
    }

    @Override
    public void onSessionEnded(byte[] sessionId) {
        String id = id(sessionId);
        long now = clock.millis();
        submit(id, 0, () -> finish(id, EndReason.SESSION_ENDED, now));
    }

    private interface Append {
        boolean apply(RecordingWriter writer) throws IOException;
    }

    private void write(String id, Append append) {
        RecordingWriter writer = open.get(id);
        if (writer == null) {
            return;
        }
        try {
            if (!append.apply(writer) && writer.isEnded()) {
                // The size limit ended it; the end record is written.
                closeStream(id);
            }
        } catch (IOException | RuntimeException e) {
            failed(id, "write failed", e);
        }
    }

    private void checkpointAll() {
        long now = clock.millis();
        for (Map.Entry<String, RecordingWriter> entry : Map.copyOf(open).entrySet()) {
            try {
                entry.getValue().checkpointIfDue(now);
            } catch (IOException | RuntimeException e) {
                failed(entry.getKey(), "checkpoint failed", e);
            }
        }
    }

    private void finish(String id, EndReason reason, long now) {
        RecordingWriter writer = open.get(id);
        if (writer == null) {
            return;
        }
        try {
            writer.close(reason, now);
        } catch (IOException | RuntimeException e) {
            failed(id, "closing failed", e);
            return;
        }
        closeStream(id);
    }

    private void closeStream(String id) {
        open.remove(id);
        OutputStream out = streams.remove(id);
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                failures.incrementAndGet();
                LOG.warn("recording {}: closing the file failed: {}", shortId(id), e.toString());
            }
        }
    }

    /** Stops one recording after an error; the session and every other recording go on. */
    private void failed(String id, String what, Exception e) {
        failures.incrementAndGet();
        LOG.warn("recording {}: {} ({}); this session is no longer recorded", shortId(id), what, e.toString());
        open.remove(id);
        OutputStream out = streams.remove(id);
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already failing; the file stays cut short and reads as truncated.
            }
        }
    }

    private static String shortId(String id) {
        return id.substring(0, 8);
    }

    /**
     * Queues work for the writer thread. Over the pending bound the frame is not queued and the
     * session's recording is ended instead, after what was queued before it: a recording stops
     * early rather than silently missing frames in the middle.
     */
    private void submit(String id, int bytes, Runnable task) {
        if (bytes > 0 && pending.addAndGet(bytes) > MAX_PENDING_BYTES) {
            pending.addAndGet(-bytes);
            failures.incrementAndGet();
            long now = clock.millis();
            LOG.warn("recording {}: the writer is {} MiB behind; this session's recording ends here",
                    shortId(id), MAX_PENDING_BYTES >> 20);
            submit(id, 0, () -> finish(id, EndReason.WRITER_BEHIND, now));
            return;
        }
        try {
            writerThread.execute(() -> {
                try {
                    task.run();
                } finally {
                    if (bytes > 0) {
                        pending.addAndGet(-bytes);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (bytes > 0) {
                pending.addAndGet(-bytes);
            }
        }
    }

    private static Sender sender(Role role) {
        return role == Role.TECHNICIAN ? Sender.TECHNICIAN : Sender.CUSTOMER;
    }

    /** Waits until everything queued so far is written (tests). */
    public void drain() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        writerThread.execute(done::countDown);
        done.await(10, TimeUnit.SECONDS);
    }

    /** Ends every open recording with RELAY_SHUTDOWN and stops the writer. */
    @Override
    public void close() {
        ticker.shutdownNow();
        long now = clock.millis();
        try {
            writerThread.execute(() -> {
                for (String id : java.util.List.copyOf(open.keySet())) {
                    finish(id, EndReason.RELAY_SHUTDOWN, now);
                }
            });
        } catch (RejectedExecutionException ignored) {
            return;
        }
        writerThread.shutdown();
        try {
            writerThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
