package dev.lifeline.client.probes;

import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes off the session and FX threads, each with a timeout: a probe that hangs or throws
 * becomes a TIMED_OUT or FAILED result and never holds up the others or the session. A result
 * larger than {@link #MAX_RESULT_BYTES} loses its data (with a note), so it always fits one frame.
 */
public final class ProbeRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);
    /** Well inside one relay frame (1 MiB) after sealing. */
    public static final int MAX_RESULT_BYTES = 512 * 1024;

    private final ProbeContext context;
    private final Map<Probe, DiagnosticProbe> probes = new EnumMap<>(Probe.class);
    private final Duration timeout;
    /** Waits for the probes' deadlines and collects their results. */
    private final ExecutorService waiter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lifeline-probe-wait");
        t.setDaemon(true);
        return t;
    });

    public ProbeRunner(ProbeContext context, Collection<DiagnosticProbe> catalogue) {
        this.context = context;
        this.timeout = context.settings().probeTimeout();
        catalogue.forEach(p -> probes.put(p.kind(), p));
    }

    /** The whole catalogue on this machine. */
    public static ProbeRunner standard(ProbeContext context) {
        return new ProbeRunner(context, Probes.catalogue());
    }

    public ProbeContext context() {
        return context;
    }

    /**
     * Runs the probes, two at a time (a slow one such as SMART or the journal does not hold up
     * the quick ones); the future completes with one result per probe, in catalogue order. Each
     * probe gets {@code timeout} from when it starts; a probe still queued when the whole run's
     * budget is spent times out too. Each run has its own threads, so a probe stuck in a native
     * call that ignores interruption costs that run a thread, never a later run.
     */
    public CompletableFuture<List<ProbeResult>> run(Collection<Probe> wanted) {
        List<Probe> order = ProbeCatalogue.ALL.stream().filter(wanted::contains).toList();
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lifeline-probe");
            t.setDaemon(true);
            return t;
        });
        Map<Probe, Future<ProbeResult>> started = new EnumMap<>(Probe.class);
        Map<Probe, Long> startedNanos = new java.util.concurrent.ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        for (Probe p : order) {
            started.put(p, workers.submit(() -> {
                startedNanos.put(p, System.nanoTime());
                return runOne(p);
            }));
        }
        long budget = timeout.toNanos() * order.size() + TimeUnit.SECONDS.toNanos(1);
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<ProbeResult> results = new ArrayList<>();
                for (Probe p : order) {
                    results.add(await(p, started.get(p), startedNanos, t0 + budget));
                }
                return results;
            } finally {
                workers.shutdownNow();
            }
        }, waiter);
    }

    private ProbeResult await(Probe p, Future<ProbeResult> f, Map<Probe, Long> startedNanos, long runDeadline) {
        long wallStart = context.clock().millis();
        while (true) {
            try {
                return bounded(f.get(20, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                Long start = startedNanos.get(p);
                boolean expired = start != null ? now - start > timeout.toNanos() : now > runDeadline;
                if (expired) {
                    f.cancel(true);
                    return failed(p, ProbeStatus.TIMED_OUT, start != null ? "no answer within " + timeout.toMillis() + " ms"
                            : "did not get to run in time", wallStart);
                }
            } catch (ExecutionException e) {
                return failed(p, ProbeStatus.FAILED, String.valueOf(e.getCause()), wallStart);
            } catch (java.util.concurrent.CancellationException e) {
                return failed(p, ProbeStatus.FAILED, "cancelled", wallStart);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(p, ProbeStatus.FAILED, "interrupted", wallStart);
            }
        }
    }

    private ProbeResult runOne(Probe kind) {
        long start = context.clock().millis();
        long t0 = System.nanoTime();
        ProbeResult.Builder b = ProbeResult.newBuilder().setProbe(kind).setStartedAtMs(start)
                .setPlatform(context.platform().wireName()).setStatus(ProbeStatus.OK);
        DiagnosticProbe probe = probes.get(kind);
        try {
            if (probe == null) {
                throw new ProbeUnavailableException("not available on this platform");
            }
            probe.run(context, b);
        } catch (ProbeUnavailableException e) {
            b.clearData().setStatus(ProbeStatus.UNAVAILABLE).setDetail(e.getMessage())
                    .setSummary(ProbeCatalogue.title(kind) + ": not available on this platform (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            b.clearData().setStatus(ProbeStatus.TIMED_OUT).setDetail("stopped at its time limit");
        } catch (TimeoutException e) {
            b.clearData().setStatus(ProbeStatus.TIMED_OUT).setDetail(e.getMessage());
        } catch (Exception | LinkageError e) {
            // OSHI's native look-ups throw unchecked errors on unusual systems: a failed result, not a dead session.
            log.info("probe {} failed: {}", kind, e.toString());
            b.clearData().setStatus(ProbeStatus.FAILED).setDetail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (b.getSummary().isBlank()) {
            b.setSummary(ProbeCatalogue.title(kind) + ": " + b.getStatus().name().toLowerCase().replace('_', ' ')
                    + (b.getDetail().isBlank() ? "" : " (" + b.getDetail() + ")"));
        }
        return b.setDurationMs((int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000)).build();
    }

    private ProbeResult failed(Probe p, ProbeStatus status, String detail, long startedAt) {
        return ProbeResult.newBuilder().setProbe(p).setStatus(status).setDetail(detail).setStartedAtMs(startedAt)
                .setPlatform(context.platform().wireName())
                .setDurationMs((int) Math.max(0, context.clock().millis() - startedAt))
                .setSummary(ProbeCatalogue.title(p) + ": " + status.name().toLowerCase().replace('_', ' ') + " (" + detail + ")")
                .build();
    }

    static ProbeResult bounded(ProbeResult r) {
        if (r.getSerializedSize() <= MAX_RESULT_BYTES) {
            return r;
        }
        return r.toBuilder().clearData().setStatus(ProbeStatus.PARTIAL)
                .addNotes("result too large (" + r.getSerializedSize() + " bytes); data dropped").build();
    }

    @Override
    public void close() {
        waiter.shutdownNow();
    }
}
