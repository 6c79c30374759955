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

    /** Reports stored so far, newest first (at most {@code limit}). */
    List<SessionReport> recent(int limit) throws IOException;
}
