package dev.lifeline.client.report;

import dev.lifeline.common.wire.report.SessionReport;
import java.io.IOException;
import java.util.List;

/**
 * Where finished session reports are kept. The Console's local file store serves until the
 * relay's database stores reports (the accounts-and-persistence work); callers see only this.
 */
public interface ReportStore {
    /** Stores the report; returns where (for people: a path or an id). */
    String save(SessionReport report) throws IOException;

    /**
     * As {@link #save(SessionReport)}, with the session's report claim from the relay (empty when
     * there is none), kept or sent so the team's records can take the report later.
     */
    default String save(SessionReport report, byte[] reportClaim) throws IOException {
        return save(report);
    }

    /** Reports stored so far, newest first (at most {@code limit}). */
    List<SessionReport> recent(int limit) throws IOException;
}
