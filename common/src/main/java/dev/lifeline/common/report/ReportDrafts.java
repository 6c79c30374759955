package dev.lifeline.common.report;

import dev.lifeline.common.diagnostics.DiagnosticsSnapshot;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.Evidence;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.diagnostics.SystemData;
import dev.lifeline.common.wire.report.BilledTime;
import dev.lifeline.common.wire.report.BugReport;
import dev.lifeline.common.wire.report.DispatchSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pre-filled parts of the outcome, from the findings: the dispatch summary for an on-site visit
 * and the bug report for development. The technician edits both before saving.
 */
public final class ReportDrafts {
    private ReportDrafts() {
    }

    /** Problem, evidence, parts and skills of the on-site findings (all findings if none is on-site). */
    public static DispatchSummary dispatch(Evaluation evaluation, String customerAddress, String preferredWindow) {
        List<Finding> onsite = evaluation.findings().stream().filter(f -> f.getSuggestion() == Suggestion.ONSITE_VISIT).toList();
        List<Finding> basis = onsite.isEmpty() ? evaluation.findings() : onsite;
        DispatchSummary.Builder d = DispatchSummary.newBuilder()
                .setProblem(String.join("; ", basis.stream().map(Finding::getSummary).toList()))
                .setCustomerAddress(nz(customerAddress)).setPreferredWindow(nz(preferredWindow));
        Set<String> parts = new LinkedHashSet<>();
        Set<String> skills = new LinkedHashSet<>();
        for (Finding f : basis) {
            f.getEvidenceList().forEach(e -> d.addEvidence(evidenceLine(e)));
            parts.addAll(f.getPartsList());
            skills.addAll(f.getSkillsList());
        }
        return d.addAllParts(parts).addAllSkills(skills).build();
    }

    /** Summary, steps, expected/actual from the escalation findings; environment from the system probe. */
    public static BugReport bug(Evaluation evaluation, DiagnosticsSnapshot results) {
        List<Finding> escalate = evaluation.findings().stream()
                .filter(f -> f.getSuggestion() == Suggestion.ESCALATE_DEVELOPMENT).toList();
        List<Finding> basis = escalate.isEmpty()
                ? evaluation.findings().stream().filter(f -> f.getSeverity().getNumber() >= Severity.WARNING_VALUE).toList()
                : escalate;
        StringBuilder actual = new StringBuilder();
        for (Finding f : basis) {
            actual.append(f.getSummary()).append('\n');
            f.getEvidenceList().forEach(e -> actual.append("  ").append(evidenceLine(e)).append('\n'));
        }
        BugReport.Builder b = BugReport.newBuilder()
                .setSummary(basis.isEmpty() ? "" : basis.get(0).getSummary())
                .setSteps("1. \n2. \n3. (what the customer did before the fault; fill in)")
                .setExpected("The program keeps running.")
                .setActual(actual.toString().strip())
                .setEnvironment(environment(results));
        for (Probe p : ProbeCatalogue.ALL) {
            if (results.usable(p).isPresent()) {
                b.addAttached(p);
            }
        }
        return b.build();
    }

    /** "Debian GNU/Linux 12 (build …), x86_64, Intel …, 16 GB memory, Dell Latitude 5420". */
    public static String environment(DiagnosticsSnapshot results) {
        return results.usable(Probe.SYSTEM).map(ProbeResult::getSystem).map(ReportDrafts::environment)
                .orElse("(no system probe result)");
    }

    static String environment(SystemData s) {
        StringBuilder b = new StringBuilder();
        b.append(s.getOsFamily()).append(' ').append(s.getOsVersion());
        if (!s.getOsBuild().isBlank()) {
            b.append(" (build ").append(s.getOsBuild()).append(')');
        }
        if (!s.getArchitecture().isBlank()) {
            b.append(", ").append(s.getArchitecture());
        }
        b.append(", ").append(s.getCpuModel()).append(String.format(Locale.ROOT, " (%d cores)", s.getLogicalCores()));
        b.append(", ").append(dev.lifeline.common.diagnostics.FindingRules.bytes(s.getMemoryTotalBytes())).append(" memory");
        if (!s.getManufacturer().isBlank() || !s.getModel().isBlank()) {
            b.append(", ").append((s.getManufacturer() + " " + s.getModel()).strip());
        }
        if (!s.getVirtualization().isBlank()) {
            b.append(", virtual machine (").append(s.getVirtualization()).append(')');
        }
        return b.toString();
    }

    /** The session's time, and the billable time rounded up to whole intervals (placeholder until contracts). */
    public static BilledTime billed(long startedAtMs, long endedAtMs, int intervalSeconds) {
        int seconds = (int) Math.max(0, (endedAtMs - startedAtMs + 999) / 1000);
        int billable = intervalSeconds <= 0 ? seconds
                : (int) (((long) seconds + intervalSeconds - 1) / intervalSeconds * intervalSeconds);
        return BilledTime.newBuilder().setSessionSeconds(seconds).setBillableSeconds(billable)
                .setIntervalSeconds(Math.max(0, intervalSeconds)).build();
    }

    public static String evidenceLine(Evidence e) {
        return ProbeCatalogue.title(e.getProbe()) + " · " + e.getItem() + ": " + e.getValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
