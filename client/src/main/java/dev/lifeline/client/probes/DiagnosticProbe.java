package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;

/**
 * One entry of the catalogue: reads, never changes, the customer's machine. {@link ProbeRunner}
 * adds status, timing and bounds; a probe fills its data, summary and notes, and throws
 * {@link ProbeUnavailableException} when the platform has nothing to offer.
 */
public interface DiagnosticProbe {
    Probe kind();

    /** Fills {@code result}; set status PARTIAL (with notes) when only part of the data was readable. */
    void run(ProbeContext context, ProbeResult.Builder result) throws Exception;
}
