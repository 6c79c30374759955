package dev.lifeline.client.report;

import dev.lifeline.common.wire.report.SessionReport;
import java.nio.file.Path;

/**
 * Where a finished session's report went, for the Console to say in plain words: in the team's
 * records (the relay) and on this computer, on this computer only (with the file to open), or
 * nowhere (with why).
 */
public record ReportSaved(Where where, Path document, String problem) {
    public enum Where {
        /** Filed on the relay; the local copy is kept too. */
        TEAM_AND_COMPUTER,
        /** Not signed in: kept on this computer only. */
        COMPUTER_ONLY,
        /** Signed in, but the relay did not take it: kept here, offered again at the next sign-in. */
        COMPUTER_ONLY_RELAY_FAILED,
        NOT_SAVED
    }

    /** What saving {@code report} in {@code store} came to; {@code failure} is what {@code save} threw, or null. */
    public static ReportSaved after(ReportStore store, SessionReport report, Exception failure) {
        FileReportStore local = store instanceof RelayReportStore relay ? relay.local()
                : store instanceof FileReportStore file ? file : null;
        Path document = local == null ? null : local.document(report.getReportId());
        if (failure == null) {
            return new ReportSaved(store instanceof RelayReportStore ? Where.TEAM_AND_COMPUTER : Where.COMPUTER_ONLY, document, "");
        }
        // RelayReportStore keeps the local copy before it talks to the relay: its failure is the relay's.
        boolean keptHere = store instanceof RelayReportStore && local != null && java.nio.file.Files.exists(
                local.dir().resolve(report.getReportId() + ".json"));
        String why = failure.getCause() != null && failure.getCause().getMessage() != null ? failure.getCause().getMessage()
                : String.valueOf(failure.getMessage());
        return keptHere ? new ReportSaved(Where.COMPUTER_ONLY_RELAY_FAILED, document, why)
                : new ReportSaved(Where.NOT_SAVED, null, String.valueOf(failure.getMessage()));
    }
}
