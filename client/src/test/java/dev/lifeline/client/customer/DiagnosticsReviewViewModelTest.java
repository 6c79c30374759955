package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.DiagnosticsReview;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Get Help's preview of diagnostics results: send, withhold, discard. */
class DiagnosticsReviewViewModelTest {
    private final dev.lifeline.client.testing.FakeSessions.Customer sessions = new dev.lifeline.client.testing.FakeSessions.Customer();

    private static ProbeResult result(Probe p) {
        return ProbeResult.newBuilder().setProbe(p).setStatus(ProbeStatus.OK).setSummary(p + " summary").build();
    }

    private DiagnosticsReviewViewModel attached(FakeHandle[] handle) {
        GetHelpViewModel vm = new GetHelpViewModel(sessions, Runnable::run);
        vm.getHelp();
        handle[0] = sessions.last();
        handle[0].listener.onSecured(dev.lifeline.client.session.PeerInfo.customer("x"));
        return vm.diagnostics();
    }

    @Test
    void untickedResultsAreWithheldAndNothingIsSentBeforeSend() {
        FakeHandle[] h = new FakeHandle[1];
        DiagnosticsReviewViewModel d = attached(h);
        h[0].listener.onDiagnosticsProgress(new DiagnosticsActivity(4, Stage.RUNNING, List.of(Probe.SYSTEM, Probe.PROCESSES)));
        assertEquals(4, d.runningProperty().get().requestId());
        h[0].listener.onDiagnosticsReview(new DiagnosticsReview(4, List.of(result(Probe.SYSTEM), result(Probe.PROCESSES))));
        h[0].listener.onDiagnosticsProgress(new DiagnosticsActivity(4, Stage.REVIEWING, List.of(Probe.SYSTEM, Probe.PROCESSES)));
        assertNull(d.runningProperty().get());
        assertEquals(2, d.items().size());
        assertTrue(d.items().get(0).reads().contains("memory"));
        assertTrue(h[0].diagnosticsCalls.isEmpty(), "nothing sent while the customer looks");

        d.items().get(1).sendProperty().set(false);
        d.send();
        assertEquals(List.of("send:4:[PROCESSES]"), h[0].diagnosticsCalls);
        assertNull(d.reviewProperty().get());
        d.send();
        assertEquals(1, h[0].diagnosticsCalls.size(), "sent once");
    }

    @Test
    void discardSendsNothingAndARevocationClosesThePreview() {
        FakeHandle[] h = new FakeHandle[1];
        DiagnosticsReviewViewModel d = attached(h);
        h[0].listener.onDiagnosticsReview(new DiagnosticsReview(1, List.of(result(Probe.SYSTEM))));
        d.discard();
        assertEquals(List.of("decline:1"), h[0].diagnosticsCalls);

        h[0].listener.onDiagnosticsReview(new DiagnosticsReview(2, List.of(result(Probe.SYSTEM))));
        h[0].listener.onDiagnosticsProgress(new DiagnosticsActivity(2, Stage.DECLINED, List.of(Probe.SYSTEM)));
        assertNull(d.reviewProperty().get(), "revoked while the preview was open");
        assertTrue(d.items().isEmpty());
    }
}
