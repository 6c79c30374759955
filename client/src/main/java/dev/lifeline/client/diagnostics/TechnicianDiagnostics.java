package dev.lifeline.client.diagnostics;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.DiagnosticsRequest;
import dev.lifeline.common.wire.diagnostics.DiagnosticsResult;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's side of diagnostics: a request waits for the customer's RUN_DIAGNOSTICS grant
 * (asked for with the list of probes as the reason) and goes out once granted; progress and
 * results come back. What the customer sends is checked before it is shown: unknown probes,
 * results of requests never made and oversized results are dropped. Runs on the session thread.
 */
public final class TechnicianDiagnostics {
    private static final Logger log = LoggerFactory.getLogger(TechnicianDiagnostics.class);

    /** What diagnostics needs from the technician's session. */
    public interface Events {
        void send(SessionMessage message);

        /** Ask the customer for RUN_DIAGNOSTICS with this reason. */
        void askConsent(String reason);

        void progress(DiagnosticsActivity activity);

        void result(long requestId, ProbeResult result);
    }

    private final Events events;
    private long lastSentId;
    private DiagnosticsRequest waitingForGrant;
    private ConsentSnapshot consent = ConsentSnapshot.NOTHING;

    public TechnicianDiagnostics(Events events) {
        this.events = events;
    }

    /** Asks for {@code probes} under {@code id} (increasing, from 1; a replacement for a waiting one). */
    public void request(long id, Collection<Probe> probes) {
        List<Probe> ordered = ProbeCatalogue.ALL.stream().filter(probes::contains).toList();
        DiagnosticsRequest request = DiagnosticsRequest.newBuilder().setRequestId(id).addAllProbes(ordered).build();
        if (consent.isGranted(Capability.RUN_DIAGNOSTICS)) {
            send(request);
        } else {
            waitingForGrant = request;
            events.progress(new DiagnosticsActivity(request.getRequestId(), Stage.WAITING_FOR_CONSENT, ordered));
            events.askConsent("Diagnostics: " + String.join(", ", ordered.stream().map(ProbeCatalogue::title).toList()));
        }
    }

    /** Every consent state from the customer: a waiting request goes out on the grant, or is dropped on a no. */
    public void consentChanged(ConsentSnapshot snapshot) {
        consent = snapshot;
        if (waitingForGrant == null) {
            return;
        }
        ConsentStatus status = snapshot.status(Capability.RUN_DIAGNOSTICS);
        if (status == ConsentStatus.GRANTED) {
            DiagnosticsRequest r = waitingForGrant;
            waitingForGrant = null;
            send(r);
        } else if (status == ConsentStatus.DENIED || status == ConsentStatus.REVOKED) {
            DiagnosticsRequest r = waitingForGrant;
            waitingForGrant = null;
            events.progress(new DiagnosticsActivity(r.getRequestId(), Stage.DECLINED, r.getProbesList()));
        }
    }

    private void send(DiagnosticsRequest request) {
        lastSentId = Math.max(lastSentId, request.getRequestId());
        events.send(SessionMessage.newBuilder().setDiagnosticsRequest(request).build());
        events.progress(new DiagnosticsActivity(request.getRequestId(), Stage.REQUESTED, request.getProbesList()));
    }

    /** Returns true for diagnostics messages from the customer. */
    public boolean onMessage(SessionMessage message) {
        switch (message.getBodyCase()) {
            case DIAGNOSTICS_PROGRESS -> onProgress(message.getDiagnosticsProgress());
            case DIAGNOSTICS_RESULT -> onResult(message.getDiagnosticsResult());
            case DIAGNOSTICS_REQUEST -> log.warn("ignoring a diagnostics request from the customer");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onProgress(DiagnosticsProgress p) {
        if (p.getRequestId() < 1 || p.getRequestId() > lastSentId || p.getProbesCount() > ProbeCatalogue.ALL.size()) {
            return;
        }
        events.progress(new DiagnosticsActivity(p.getRequestId(), p.getStage(),
                p.getProbesList().stream().filter(ProbeCatalogue::known).toList()));
    }

    private void onResult(DiagnosticsResult r) {
        if (r.getRequestId() < 1 || r.getRequestId() > lastSentId || !ProbeCatalogue.known(r.getResult().getProbe())) {
            log.warn("dropping a diagnostics result for request {} / probe {}", r.getRequestId(), r.getResult().getProbe());
            return;
        }
        events.result(r.getRequestId(), r.getResult());
    }
}
