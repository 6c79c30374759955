package dev.lifeline.relay.review;

import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the relay keeps of a filed report besides the report itself: the figures the sessions list
 * filters on and the dashboard counts. Pure: checks the limits and derives the columns; a report
 * that breaks a limit is an {@link InvalidReportException} and nothing is stored.
 */
public record ReportColumns(String reportId, String relaySessionId, Outcome.Kind outcome, String notes,
                            boolean hadControl, boolean onsiteRecommended, String recommendation,
                            long durationSeconds, int findingsCount, int consentChanges, String customerOrganisation,
                            String findingsSummary, String onsiteSummary, String escalationSummary) {
    /** The serialised report may be at most this big (the relay keeps it whole for export). */
    public static final int MAX_REPORT_BYTES = 256 * 1024;
    public static final int MAX_NOTES = 4000;
    public static final int MAX_FINDINGS = 200;
    public static final int MAX_CONSENT_CHANGES = 1000;
    static final int MAX_SUMMARY = 4000;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32}");

    /** A report the relay refuses, with the reason for the technician. */
    public static final class InvalidReportException extends Exception {
        private final boolean tooLarge;

        InvalidReportException(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** {@code hadControl} comes from the Console (see FileReport): the relay reads no end-to-end types. */
    public static ReportColumns of(SessionReport report, boolean hadControl) throws InvalidReportException {
        if (report.getSerializedSize() > MAX_REPORT_BYTES) {
            throw new InvalidReportException("the report is larger than " + MAX_REPORT_BYTES / 1024 + " KiB", true);
        }
        if (!UUID.matcher(report.getReportId()).matches()) {
            throw new InvalidReportException("report id must be a lower-case UUID", false);
        }
        String sessionId = report.getSessionId().toLowerCase(Locale.ROOT);
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw new InvalidReportException("session id must be the relay's 32 hex digits", false);
        }
        Outcome.Kind kind = report.getOutcome().getKind();
        if (kind == Outcome.Kind.KIND_UNSPECIFIED || kind == Outcome.Kind.UNRECOGNIZED) {
            throw new InvalidReportException("the report has no outcome", false);
        }
        if (report.getOutcome().getNotes().length() > MAX_NOTES) {
            throw new InvalidReportException("notes are limited to " + MAX_NOTES + " characters", true);
        }
        if (report.getFindingsCount() > MAX_FINDINGS || report.getConsentTimelineCount() > MAX_CONSENT_CHANGES) {
            throw new InvalidReportException("at most " + MAX_FINDINGS + " findings and " + MAX_CONSENT_CHANGES
                    + " consent changes", true);
        }
        if (report.getDiagnosticsCount() > 0) {
            // The relay keeps findings, not the customer's raw probe data.
            throw new InvalidReportException("send the report without diagnostics results", false);
        }
        if (report.getEndedAtMs() < report.getStartedAtMs() || report.getStartedAtMs() <= 0) {
            throw new InvalidReportException("the report's times are out of order", false);
        }
        boolean onsite = report.getRecommendation() == Suggestion.ONSITE_VISIT
                || report.getFindingsList().stream().anyMatch(f -> f.getSuggestion() == Suggestion.ONSITE_VISIT);
        StringBuilder findings = new StringBuilder();
        for (Finding f : report.getFindingsList()) {
            findings.append(f.getSeverity().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(f.getSuggestion().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(f.getSummary()).append('\n');
        }
        String onsiteSummary = "";
        if (report.getOutcome().hasDispatch()) {
            var d = report.getOutcome().getDispatch();
            onsiteSummary = d.getProblem() + (d.getPartsCount() == 0 ? "" : "\nparts: " + String.join(", ", d.getPartsList()))
                    + (d.getSkillsCount() == 0 ? "" : "\nskills: " + String.join(", ", d.getSkillsList()))
                    + (d.getPreferredWindow().isEmpty() ? "" : "\nwindow: " + d.getPreferredWindow());
        }
        String escalation = report.getOutcome().hasBug() ? report.getOutcome().getBug().getSummary() : "";
        return new ReportColumns(report.getReportId(), sessionId, kind, report.getOutcome().getNotes(), hadControl, onsite,
                report.getRecommendation() == Suggestion.SUGGESTION_UNSPECIFIED ? "" : report.getRecommendation().name(),
                (report.getEndedAtMs() - report.getStartedAtMs()) / 1000, report.getFindingsCount(),
                report.getConsentTimelineCount(), clip(report.getCustomer().getOrganisation(), 200),
                clip(findings.toString().strip(), MAX_SUMMARY), clip(onsiteSummary, MAX_SUMMARY), clip(escalation, MAX_SUMMARY));
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static boolean isSessionIdHex(String s) {
        return SESSION_ID.matcher(s).matches();
    }

    static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }
}
