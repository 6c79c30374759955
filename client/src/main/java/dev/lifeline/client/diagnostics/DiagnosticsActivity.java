package dev.lifeline.client.diagnostics;

import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.util.List;

/** Where one diagnostics request stands (running, under review, sent, declined, busy). */
public record DiagnosticsActivity(long requestId, DiagnosticsProgress.Stage stage, List<Probe> probes) {
    public DiagnosticsActivity {
        probes = List.copyOf(probes);
    }

    DiagnosticsProgress toWire() {
        return DiagnosticsProgress.newBuilder().setRequestId(requestId).setStage(stage).addAllProbes(probes).build();
    }
}
