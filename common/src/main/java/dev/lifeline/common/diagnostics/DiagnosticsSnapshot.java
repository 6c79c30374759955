package dev.lifeline.common.diagnostics;

import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The latest result of each probe at one moment (what the rules look at). */
public record DiagnosticsSnapshot(Map<Probe, ProbeResult> results) {
    public static final DiagnosticsSnapshot EMPTY = new DiagnosticsSnapshot(Map.of());

    public DiagnosticsSnapshot {
        EnumMap<Probe, ProbeResult> copy = new EnumMap<>(Probe.class);
        copy.putAll(results);
        results = Collections.unmodifiableMap(copy);
    }

    public static DiagnosticsSnapshot of(Collection<ProbeResult> results) {
        EnumMap<Probe, ProbeResult> map = new EnumMap<>(Probe.class);
        results.forEach(r -> map.put(r.getProbe(), r));
        return new DiagnosticsSnapshot(map);
    }

    /** This snapshot with {@code result} replacing the probe's earlier one. */
    public DiagnosticsSnapshot with(ProbeResult result) {
        EnumMap<Probe, ProbeResult> map = new EnumMap<>(Probe.class);
        map.putAll(results);
        map.put(result.getProbe(), result);
        return new DiagnosticsSnapshot(map);
    }

    /** The probe's result when it carries data (OK or PARTIAL). */
    public Optional<ProbeResult> usable(Probe probe) {
        ProbeResult r = results.get(probe);
        if (r == null || (r.getStatus() != ProbeStatus.OK && r.getStatus() != ProbeStatus.PARTIAL)) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }
}
