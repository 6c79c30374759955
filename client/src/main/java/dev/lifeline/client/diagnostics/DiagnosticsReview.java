package dev.lifeline.client.diagnostics;

import dev.lifeline.common.wire.diagnostics.ProbeResult;
import java.util.List;

/** Results that ran on the customer's machine and wait for the customer to send or withhold each. */
public record DiagnosticsReview(long requestId, List<ProbeResult> results) {
    public DiagnosticsReview {
        results = List.copyOf(results);
    }
}
