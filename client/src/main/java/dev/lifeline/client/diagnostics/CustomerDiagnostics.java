package dev.lifeline.client.diagnostics;

import dev.lifeline.client.probes.ProbeRunner;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.DiagnosticsRequest;
import dev.lifeline.common.wire.diagnostics.DiagnosticsResult;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of diagnostics. A request reaches this class only through the
 * {@code ConsentGate} (RUN_DIAGNOSTICS granted). The probes run on the runner's threads; the
 * results come back to the session thread, and — unless the customer turned review off — wait
 * for the customer to send them, withholding any. The grant is checked again before anything is
 * sent: a revocation during a run discards the results. One request at a time; a second one while
 * the first runs or waits is answered BUSY. Runs on the session thread.
 */
public final class CustomerDiagnostics {
    private static final Logger log = LoggerFactory.getLogger(CustomerDiagnostics.class);

    /** What diagnostics needs from the customer's session. */
    public interface Events {
        /** Seal and send to the technician. */
        void send(SessionMessage message);

        /** Running, reviewing, sent, declined: for the customer's window. */
        void progress(DiagnosticsActivity activity);

        /** Results are ready for the customer's preview. */
        void review(DiagnosticsReview review);
    }

    private final Executor sessionThread;
    private final ProbeRunner runner;
    private final ConsentLedger ledger;
    private final boolean reviewFirst;
    private final Events events;
    private DiagnosticsActivity current;
    private List<ProbeResult> waiting;
    private long requests;

    public CustomerDiagnostics(Executor sessionThread, ProbeRunner runner, ConsentLedger ledger, boolean reviewFirst,
                               Events events) {
        this.sessionThread = sessionThread;
        this.runner = runner;
        this.ledger = ledger;
        this.reviewFirst = reviewFirst;
        this.events = events;
    }

    /** Returns true for diagnostics messages (handled here), false for anything else. */
    public boolean onMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case DIAGNOSTICS_REQUEST -> onRequest(message.getDiagnosticsRequest());
            case DIAGNOSTICS_PROGRESS, DIAGNOSTICS_RESULT -> log.warn("ignoring {} from the technician: only the customer sends it",
                    message.getBodyCase());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onRequest(DiagnosticsRequest request) {
        // Defence in depth: the gate already checked the grant.
        if (!ledger.isGranted(Capability.RUN_DIAGNOSTICS)) {
            return;
        }
        Set<Probe> probes = EnumSet.noneOf(Probe.class);
        for (int i = 0; i < Math.min(request.getProbesCount(), 4 * ProbeCatalogue.ALL.size()); i++) {
            Probe p = request.getProbes(i);
            if (ProbeCatalogue.known(p)) {
                probes.add(p);
            }
        }
        List<Probe> ordered = ProbeCatalogue.ALL.stream().filter(probes::contains).toList();
        if (current != null) {
            send(new DiagnosticsActivity(request.getRequestId(), Stage.BUSY, ordered));
            return;
        }
        if (ordered.isEmpty()) {
            send(new DiagnosticsActivity(request.getRequestId(), Stage.SENT, ordered));
            return;
        }
        requests++;
        current = new DiagnosticsActivity(request.getRequestId(), Stage.RUNNING, ordered);
        send(current);
        events.progress(current);
        long id = request.getRequestId();
        if (runner == null) {
            finished(id, ordered.stream().map(p -> ProbeResult.newBuilder().setProbe(p).setStatus(ProbeStatus.UNAVAILABLE)
                    .setDetail("diagnostics are turned off in this app").setSummary(ProbeCatalogue.title(p) + ": not available").build()).toList());
            return;
        }
        runner.run(ordered).whenComplete((results, error) -> sessionThread.execute(() -> {
            if (error != null) {
                log.warn("diagnostics run failed: {}", error.toString());
                finished(id, ordered.stream().map(p -> ProbeResult.newBuilder().setProbe(p).setStatus(ProbeStatus.FAILED)
                        .setDetail(String.valueOf(error.getMessage())).build()).toList());
            } else {
                finished(id, results);
            }
        }));
    }

    private void finished(long id, List<ProbeResult> results) {
        if (current == null || current.requestId() != id) {
            return;
        }
        if (!ledger.isGranted(Capability.RUN_DIAGNOSTICS)) {
            // Revoked while the probes ran: nothing goes out.
            finish(Stage.DECLINED);
            return;
        }
        if (reviewFirst) {
            waiting = new ArrayList<>(results);
            current = new DiagnosticsActivity(id, Stage.REVIEWING, current.probes());
            send(current);
            events.progress(current);
            events.review(new DiagnosticsReview(id, results));
        } else {
            waiting = new ArrayList<>(results);
            release(id, Set.of());
        }
    }

    /** The customer sends the reviewed results; withheld probes go as WITHHELD with no data. */
    public void release(long requestId, Collection<Probe> withheld) {
        if (current == null || current.requestId() != requestId || waiting == null) {
            return;
        }
        if (!ledger.isGranted(Capability.RUN_DIAGNOSTICS)) {
            finish(Stage.DECLINED);
            return;
        }
        for (ProbeResult r : waiting) {
            ProbeResult sent = withheld.contains(r.getProbe())
                    ? ProbeResult.newBuilder().setProbe(r.getProbe()).setStatus(ProbeStatus.WITHHELD)
                            .setStartedAtMs(r.getStartedAtMs()).setPlatform(r.getPlatform())
                            .setSummary(ProbeCatalogue.title(r.getProbe()) + ": withheld by the customer").build()
                    : r;
            events.send(SessionMessage.newBuilder().setDiagnosticsResult(
                    DiagnosticsResult.newBuilder().setRequestId(requestId).setResult(sent)).build());
        }
        finish(Stage.SENT);
    }

    /** The customer discards the whole request: nothing is sent. */
    public void decline(long requestId) {
        if (current != null && current.requestId() == requestId) {
            finish(Stage.DECLINED);
        }
    }

    /** The grant was revoked: a run or review in progress is dropped. */
    public void revoked() {
        if (current != null) {
            finish(Stage.DECLINED);
        }
    }

    private void finish(Stage stage) {
        DiagnosticsActivity done = new DiagnosticsActivity(current.requestId(), stage, current.probes());
        current = null;
        waiting = null;
        send(done);
        events.progress(done);
    }

    private void send(DiagnosticsActivity activity) {
        events.send(SessionMessage.newBuilder().setDiagnosticsProgress(activity.toWire()).build());
    }

    /** Requests that started a run so far (tests). */
    public long requestsRun() {
        return requests;
    }
}
