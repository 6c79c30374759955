package dev.lifeline.common.report;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.Evidence;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.BugReport;
import dev.lifeline.common.wire.report.DispatchSummary;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The session report as documents: JSON (the protobuf's canonical JSON mapping, readable back),
 * Markdown and a self-contained HTML page (no scripts, no external resources; every value from
 * the customer's machine is escaped). The page is also well-formed XML (void elements closed, no
 * control characters), so the PDF export can lay it out as it is.
 */
public final class ReportExport {
    /** Reports larger than this are refused on reading (a report is a few hundred kB at most). */
    public static final int MAX_JSON_CHARS = 8 * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private ReportExport() {
    }

    public static String json(SessionReport report) {
        try {
            return JsonFormat.printer().print(report);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a report always prints", e);
        }
    }

    /** Reads a report written by {@link #json}; a damaged or foreign file is a typed error. */
    public static SessionReport parseJson(String json) throws InvalidProtocolBufferException {
        if (json.length() > MAX_JSON_CHARS) {
            throw new InvalidProtocolBufferException("report larger than " + MAX_JSON_CHARS + " characters");
        }
        SessionReport.Builder b = SessionReport.newBuilder();
        JsonFormat.parser().merge(json, b);
        return b.build();
    }

    public static String outcomeTitle(Outcome.Kind kind) {
        return switch (kind) {
            case RESOLVED_REMOTELY -> "Resolved remotely";
            case ONSITE_VISIT -> "On-site visit needed";
            case ESCALATED_TO_DEVELOPMENT -> "Escalated to development";
            case NOT_RESOLVED -> "Not resolved";
            default -> "No outcome recorded";
        };
    }

    public static String markdown(SessionReport r, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("# Session report: ").append(md(r.getCustomer().getName().isBlank() ? "customer" : r.getCustomer().getName())).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "Outcome", outcomeTitle(r.getOutcome().getKind()));
        row(b, "Recommendation of the rules", Evaluation.word(r.getRecommendation()));
        row(b, "Technician", r.getTechnician().getName() + " (" + r.getTechnician().getOrganisation() + ")");
        row(b, "Customer", r.getCustomer().getName());
        row(b, "Session", r.getSessionId());
        row(b, "Started", time(r.getStartedAtMs(), zone));
        row(b, "Ended", time(r.getEndedAtMs(), zone));
        row(b, "Billed time", r.getBilled().getBillableSeconds() / 60 + " min (session " + r.getBilled().getSessionSeconds() + " s)");
        row(b, "Report", r.getReportId());
        if (!r.getOutcome().getNotes().isBlank()) {
            b.append("\n## Notes\n\n").append(md(r.getOutcome().getNotes())).append('\n');
        }
        if (r.getOutcome().hasDispatch()) {
            DispatchSummary d = r.getOutcome().getDispatch();
            b.append("\n## Dispatch summary\n\n");
            b.append("- **Problem:** ").append(md(d.getProblem())).append('\n');
            b.append("- **Address:** ").append(md(d.getCustomerAddress())).append('\n');
            b.append("- **Preferred time:** ").append(md(d.getPreferredWindow())).append('\n');
            b.append("- **Parts:** ").append(md(String.join(", ", d.getPartsList()))).append('\n');
            b.append("- **Skills:** ").append(md(String.join(", ", d.getSkillsList()))).append('\n');
            b.append("- **Evidence:**\n");
            d.getEvidenceList().forEach(e -> b.append("  - ").append(md(e)).append('\n'));
        }
        if (r.getOutcome().hasBug()) {
            BugReport bug = r.getOutcome().getBug();
            b.append("\n## Bug report\n\n**Summary:** ").append(md(bug.getSummary())).append("\n\n");
            b.append("**Steps to reproduce:**\n\n").append(md(bug.getSteps())).append("\n\n");
            b.append("**Expected:** ").append(md(bug.getExpected())).append("\n\n");
            b.append("**Actual:**\n\n```\n").append(bug.getActual().replace("```", "'''")).append("\n```\n\n");
            b.append("**Environment:** ").append(md(bug.getEnvironment())).append("\n\n");
            b.append("**Attached diagnostics:** ").append(String.join(", ", bug.getAttachedList().stream().map(ProbeCatalogue::title).toList())).append('\n');
        }
        b.append("\n## Findings\n\n");
        if (r.getFindingsCount() == 0) {
            b.append("None.\n");
        }
        for (Finding f : r.getFindingsList()) {
            b.append("- **").append(f.getSeverity()).append("** (").append(Evaluation.word(f.getSuggestion())).append(") ")
                    .append(md(f.getSummary())).append(" — ").append(md(f.getAdvice())).append('\n');
            for (Evidence e : f.getEvidenceList()) {
                b.append("  - ").append(md(ReportDrafts.evidenceLine(e))).append('\n');
            }
        }
        b.append("\n## Diagnostics\n\n");
        for (ProbeResult p : r.getDiagnosticsList()) {
            b.append("- **").append(ProbeCatalogue.title(p.getProbe())).append("** [").append(p.getStatus()).append("] ")
                    .append(md(p.getSummary())).append('\n');
            p.getNotesList().forEach(n -> b.append("  - note: ").append(md(n)).append('\n'));
        }
        b.append("\n## Consent timeline\n\n");
        for (ConsentChange c : r.getConsentTimelineList()) {
            b.append("- ").append(time(c.getAtMs(), zone)).append(": ").append(c.getCapability()).append(' ')
                    .append(c.getKind()).append(" by ").append(c.getActor()).append('\n');
        }
        return b.toString();
    }

    public static String html(SessionReport r, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>Session report</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}")
                .append(".CRITICAL{color:#b00020;font-weight:bold}.WARNING{color:#a15c00;font-weight:bold}.INFO{color:#555}")
                .append("pre{background:#f4f4f4;padding:.6rem;white-space:pre-wrap}")
                // Printed (and the PDF export): A4 pages, long values wrap instead of running off the page.
                .append("@page{size:A4;margin:16mm}@media print{body{margin:0;max-width:none}}td,pre,li{word-wrap:break-word}")
                .append("</style></head><body>\n");
        b.append("<h1>Session report: ").append(h(r.getCustomer().getName().isBlank() ? "customer" : r.getCustomer().getName())).append("</h1>\n<table>\n");
        hrow(b, "Outcome", outcomeTitle(r.getOutcome().getKind()));
        hrow(b, "Recommendation of the rules", Evaluation.word(r.getRecommendation()));
        hrow(b, "Technician", r.getTechnician().getName() + " (" + r.getTechnician().getOrganisation() + ")");
        hrow(b, "Session", r.getSessionId());
        hrow(b, "Started", time(r.getStartedAtMs(), zone));
        hrow(b, "Ended", time(r.getEndedAtMs(), zone));
        hrow(b, "Billed time", r.getBilled().getBillableSeconds() / 60 + " min (session " + r.getBilled().getSessionSeconds() + " s)");
        hrow(b, "Report", r.getReportId());
        b.append("</table>\n");
        if (!r.getOutcome().getNotes().isBlank()) {
            b.append("<h2>Notes</h2><pre>").append(h(r.getOutcome().getNotes())).append("</pre>\n");
        }
        if (r.getOutcome().hasDispatch()) {
            DispatchSummary d = r.getOutcome().getDispatch();
            b.append("<h2>Dispatch summary</h2><table>\n");
            hrow(b, "Problem", d.getProblem());
            hrow(b, "Address", d.getCustomerAddress());
            hrow(b, "Preferred time", d.getPreferredWindow());
            hrow(b, "Parts", String.join(", ", d.getPartsList()));
            hrow(b, "Skills", String.join(", ", d.getSkillsList()));
            hrow(b, "Evidence", String.join("\n", d.getEvidenceList()));
            b.append("</table>\n");
        }
        if (r.getOutcome().hasBug()) {
            BugReport bug = r.getOutcome().getBug();
            b.append("<h2>Bug report</h2><table>\n");
            hrow(b, "Summary", bug.getSummary());
            hrow(b, "Steps", bug.getSteps());
            hrow(b, "Expected", bug.getExpected());
            hrow(b, "Actual", bug.getActual());
            hrow(b, "Environment", bug.getEnvironment());
            hrow(b, "Attached", String.join(", ", bug.getAttachedList().stream().map(ProbeCatalogue::title).toList()));
            b.append("</table>\n");
        }
        b.append("<h2>Findings</h2>\n<ul>\n");
        for (Finding f : r.getFindingsList()) {
            b.append("<li><span class=\"").append(f.getSeverity()).append("\">").append(f.getSeverity()).append("</span> (")
                    .append(Evaluation.word(f.getSuggestion())).append(") ").append(h(f.getSummary())).append(" — ")
                    .append(h(f.getAdvice())).append("<ul>");
            f.getEvidenceList().forEach(e -> b.append("<li>").append(h(ReportDrafts.evidenceLine(e))).append("</li>"));
            b.append("</ul></li>\n");
        }
        b.append("</ul>\n<h2>Diagnostics</h2>\n<table><tr><th>Probe</th><th>Status</th><th>Summary</th></tr>\n");
        for (ProbeResult p : r.getDiagnosticsList()) {
            b.append("<tr><td>").append(h(ProbeCatalogue.title(p.getProbe()))).append("</td><td>").append(p.getStatus())
                    .append("</td><td>").append(h(p.getSummary()));
            p.getNotesList().forEach(n -> b.append("<br/><small>").append(h(n)).append("</small>"));
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Consent timeline</h2>\n<ul>\n");
        for (ConsentChange c : r.getConsentTimelineList()) {
            b.append("<li>").append(h(time(c.getAtMs(), zone))).append(": ").append(c.getCapability()).append(' ')
                    .append(c.getKind()).append(" by ").append(c.getActor()).append("</li>\n");
        }
        return b.append("</ul>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(md(v)).append(" |\n");
    }

    private static void hrow(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(h(k)).append("</th><td>").append(h(v).replace("\n", "<br/>")).append("</td></tr>\n");
    }

    static String time(long ms, ZoneId zone) {
        return ms <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    /** Markdown: no table breaks, no raw HTML from the customer's machine. */
    static String md(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String h(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                // Control characters are not allowed in XML 1.0 (the PDF export parses the page as XML).
                default -> b.append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** Used by tests and the Console: the names of the probes in a report. */
    public static List<String> probeTitles(SessionReport r) {
        return r.getDiagnosticsList().stream().map(p -> ProbeCatalogue.title(p.getProbe())).toList();
    }
}
