package dev.lifeline.client.review;

import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A stored report as plain text for the pane beside the sessions list (exports use ReportExport). */
final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ReportText() {
    }

    static String of(SessionReport r, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        Outcome o = r.getOutcome();
        out.append("Outcome:      ").append(ReportExport.outcomeTitle(o.getKind())).append('\n');
        line(out, "Customer:     ", r.getCustomer().getName()
                + (r.getCustomer().getOrganisation().isEmpty() ? "" : ", " + r.getCustomer().getOrganisation()));
        line(out, "Technician:   ", r.getTechnician().getName());
        out.append("Time:         ").append(time(r.getStartedAtMs(), zone)).append(" – ").append(time(r.getEndedAtMs(), zone))
                .append(" (").append(DashboardViewModel.minutes(Math.max(0, r.getEndedAtMs() - r.getStartedAtMs()) / 1000))
                .append(")\n");
        line(out, "Session:      ", r.getSessionId());
        if (!o.getNotes().isBlank()) {
            out.append("\nNotes\n").append(o.getNotes().strip()).append('\n');
        }
        if (o.hasDispatch()) {
            var d = o.getDispatch();
            out.append("\nOn-site visit\n");
            line(out, "  Problem:    ", d.getProblem());
            line(out, "  Address:    ", d.getCustomerAddress());
            line(out, "  When:       ", d.getPreferredWindow());
            line(out, "  Parts:      ", String.join(", ", d.getPartsList()));
            line(out, "  Skills:     ", String.join(", ", d.getSkillsList()));
        }
        if (o.hasBug()) {
            var b = o.getBug();
            out.append("\nEscalated to development\n");
            line(out, "  Summary:    ", b.getSummary());
            line(out, "  Expected:   ", b.getExpected());
            line(out, "  Actual:     ", b.getActual());
        }
        if (r.getFindingsCount() > 0) {
            out.append("\nFindings\n");
            for (Finding f : r.getFindingsList()) {
                out.append("  ").append(f.getSeverity().name().toLowerCase(Locale.ROOT)).append(": ").append(f.getSummary())
                        .append('\n');
            }
        }
        if (r.getConsentTimelineCount() > 0) {
            out.append("\nConsent\n");
            long start = r.getStartedAtMs();
            for (ConsentChange c : r.getConsentTimelineList()) {
                long s = Math.max(0, c.getAtMs() - start) / 1000;
                out.append(String.format(Locale.ROOT, "  %02d:%02d  ", s / 60, s % 60))
                        .append(c.getCapability().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ')
                        .append(c.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label).append(value.strip()).append('\n');
        }
    }

    private static String time(long ms, ZoneId zone) {
        return ms <= 0 ? "?" : TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
