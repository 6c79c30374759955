package dev.lifeline.relay.review;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.relay.database.Database;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Support sessions as the review workspace sees them, and their reports: every paired session gets
 * a row linked to the relay's session id (queue picks get theirs from billing, code-flow sessions
 * here), and the technician files the report against it. One report per session.
 */
public final class SessionReports {
    private final Database database;

    public SessionReports(Database database) {
        this.database = database;
    }

    /** A session joined by code: its row, with the technician when the join was signed in. */
    public long startCodeFlowSession(String relaySessionId, Long technicianId, String customerName, long nowMs,
                                     String recordingId) throws SQLException {
        return startCodeFlowSession(relaySessionId, technicianId, customerName, nowMs, recordingId, null);
    }

    /**
     * As above; {@code claimHash} (SHA-256 of the report claim the technician's connection got,
     * or null) lets a later, signed-in filer prove it ran an owner-less session.
     */
    public long startCodeFlowSession(String relaySessionId, Long technicianId, String customerName, long nowMs,
                                     String recordingId, byte[] claimHash) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into support_sessions (technician_id, customer_name,"
                     + " requested_at_ms, started_at_ms, relay_session_id, via_queue, recording_id, claim_hash)"
                     + " values (?, ?, ?, ?, ?, false, ?, ?)", new String[] {"id"})) {
            if (technicianId == null) {
                insert.setNull(1, Types.BIGINT);
            } else {
                insert.setLong(1, technicianId);
            }
            insert.setString(2, ReportColumns.clip(customerName, 100));
            insert.setLong(3, nowMs);
            insert.setLong(4, nowMs);
            insert.setString(5, relaySessionId);
            insert.setString(6, recordingId);
            insert.setString(7, claimHash == null ? null : HexFormat.of().formatHex(claimHash));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A queue pick's row (made by billing): link it to the relay session and its recording. */
    public void linkQueueSession(long supportSessionId, String relaySessionId, String recordingId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("update support_sessions set relay_session_id = ?,"
                     + " via_queue = true, recording_id = ? where id = ?")) {
            update.setString(1, relaySessionId);
            update.setString(2, recordingId);
            update.setLong(3, supportSessionId);
            update.executeUpdate();
        }
    }

    /** A code-flow session ended (queue sessions are ended by billing). */
    public void end(long supportSessionId, long endedAtMs) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update support_sessions set ended_at_ms = ? where id = ? and ended_at_ms is null")) {
            update.setLong(1, endedAtMs);
            update.setLong(2, supportSessionId);
            update.executeUpdate();
        }
    }

    /** The row of a relay session: id and technician (null: joined without signing in). */
    public record SessionOwner(long id, Long technicianId) {
    }

    public Optional<SessionOwner> byRelaySessionId(String relaySessionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select id, technician_id from support_sessions where relay_session_id = ?")) {
            q.setString(1, relaySessionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new SessionOwner(rs.getLong(1), rs.getObject(2, Long.class))) : Optional.empty();
            }
        }
    }

    /** What a claim on an owner-less session came to. */
    public enum Claimed {
        /** The claim matched: the filer is now the session's technician. */
        CLAIMED,
        /** The session has no claim (joined signed in, or claimed before by someone else). */
        NO_CLAIM,
        /** The claim does not match the one this session gave out. */
        MISMATCH
    }

    /**
     * Records {@code technicianId} as the technician of an owner-less session when
     * {@code claimHash} matches the stored one (compared in constant time), and clears the stored
     * hash, so a claim works once and a second, different claimant finds the session owned.
     */
    public Claimed claim(long supportSessionId, long technicianId, byte[] claimHash) throws SQLException {
        return database.inTransaction(c -> {
            String stored;
            try (PreparedStatement q = c.prepareStatement(
                    "select claim_hash from support_sessions where id = ? and technician_id is null for update")) {
                q.setLong(1, supportSessionId);
                try (ResultSet rs = q.executeQuery()) {
                    stored = rs.next() ? rs.getString(1) : null;
                }
            }
            if (stored == null) {
                return Claimed.NO_CLAIM;
            }
            byte[] expected;
            try {
                expected = HexFormat.of().parseHex(stored);
            } catch (IllegalArgumentException e) {
                return Claimed.NO_CLAIM;
            }
            if (!MessageDigest.isEqual(expected, claimHash)) {
                return Claimed.MISMATCH;
            }
            try (PreparedStatement update = c.prepareStatement("update support_sessions set technician_id = ?,"
                    + " claim_hash = null where id = ? and technician_id is null")) {
                update.setLong(1, technicianId);
                update.setLong(2, supportSessionId);
                return update.executeUpdate() == 1 ? Claimed.CLAIMED : Claimed.NO_CLAIM;
            }
        });
    }

    /** How filing went. */
    public enum Filed { STORED, ALREADY_STORED, OTHER_REPORT_EXISTS }

    /**
     * Stores the report against its session row. The same report id again is a no-op (a retry);
     * another report for a session that has one is refused, so nothing accepted is lost.
     */
    public Filed file(long supportSessionId, long technicianId, String technicianName, ReportColumns columns,
                      SessionReport report, long nowMs) throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("select report_id from reports where session_id = ?")) {
                q.setLong(1, supportSessionId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return columns.reportId().equals(rs.getString(1)) ? Filed.ALREADY_STORED : Filed.OTHER_REPORT_EXISTS;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into reports (session_id, outcome, notes,"
                    + " created_at_ms, report_id, technician_id, technician_name, organisation_name, had_control,"
                    + " onsite_recommended, recommendation, duration_seconds, recording_id, findings_count,"
                    + " consent_changes, findings_summary, onsite_summary, escalation_summary, report_data)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " (select recording_id from support_sessions where id = ?), ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, supportSessionId);
                insert.setString(2, columns.outcome().name());
                insert.setString(3, columns.notes());
                insert.setLong(4, nowMs);
                insert.setString(5, columns.reportId());
                insert.setLong(6, technicianId);
                insert.setString(7, technicianName);
                insert.setString(8, columns.customerOrganisation());
                insert.setBoolean(9, columns.hadControl());
                insert.setBoolean(10, columns.onsiteRecommended());
                insert.setString(11, columns.recommendation());
                insert.setLong(12, columns.durationSeconds());
                insert.setLong(13, supportSessionId);
                insert.setInt(14, columns.findingsCount());
                insert.setInt(15, columns.consentChanges());
                insert.setString(16, columns.findingsSummary());
                insert.setString(17, columns.onsiteSummary());
                insert.setString(18, columns.escalationSummary());
                insert.setBytes(19, report.toByteArray());
                insert.executeUpdate();
            }
            return Filed.STORED;
        });
    }

    /** The filed report of a session, if any. */
    public Optional<SessionReport> report(long supportSessionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select report_data from reports where session_id = ?")) {
            q.setLong(1, supportSessionId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(SessionReport.parseFrom(rs.getBytes(1)));
                } catch (InvalidProtocolBufferException e) {
                    throw new SQLException("stored report " + supportSessionId + " does not parse", e);
                }
            }
        }
    }
}
