package dev.lifeline.relay.queue;

import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queue entries in the database, so the queue survives a relay restart. A pick is one
 * conditional UPDATE (WAITING → PICKED): of concurrent picks, on one relay or several, exactly
 * one changes the row.
 */
public final class QueueStore {
    static final String WAITING = "WAITING";
    static final String PICKED = "PICKED";
    static final String LEFT = "LEFT";

    private final Database database;

    public QueueStore(Database database) {
        this.database = database;
    }

    public record Row(long id, String customerName, String problem, String contact, Long organisationId,
                      String organisationName, long submittedAtMs) {
    }

    public long insert(String customerName, String problem, String contact, Long organisationId,
                       String organisationName, String rejoinTokenHash, long nowMs) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into queue_entries (customer_name, problem, contact,"
                     + " organisation_id, organisation_name, rejoin_token_hash, submitted_at_ms, state)"
                     + " values (?, ?, ?, ?, ?, ?, ?, 'WAITING')", new String[] {"id"})) {
            insert.setString(1, customerName);
            insert.setString(2, problem);
            insert.setString(3, contact);
            if (organisationId == null) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, organisationId);
            }
            insert.setString(5, organisationName);
            insert.setString(6, rejoinTokenHash);
            insert.setLong(7, nowMs);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The waiting entry a rejoin token belongs to. */
    public Optional<Row> findWaitingByRejoinHash(String hash) throws SQLException {
        List<Row> rows = query("where state = 'WAITING' and rejoin_token_hash = ?", hash);
        return rows.stream().findFirst();
    }

    public List<Row> waiting() throws SQLException {
        return query("where state = 'WAITING' order by submitted_at_ms, id", null);
    }

    public Optional<Row> find(long id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + " where id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** True for exactly one caller per waiting entry. */
    public boolean tryPick(long id, Long accountId, long nowMs) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement pick = c.prepareStatement("update queue_entries set state = 'PICKED', picked_by = ?,"
                     + " picked_at_ms = ? where id = ? and state = 'WAITING'")) {
            if (accountId == null) {
                pick.setNull(1, Types.BIGINT);
            } else {
                pick.setLong(1, accountId);
            }
            pick.setLong(2, nowMs);
            pick.setLong(3, id);
            return pick.executeUpdate() == 1;
        }
    }

    /** A pick whose customer was gone after all: the entry waits again (the customer may rejoin). */
    public void unpick(long id) throws SQLException {
        setState(id, "update queue_entries set state = 'WAITING', picked_by = null, picked_at_ms = null"
                + " where id = ? and state = 'PICKED'");
    }

    public void markLeft(long id) throws SQLException {
        setState(id, "update queue_entries set state = 'LEFT' where id = ? and state = 'WAITING'");
    }

    private void setState(long id, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setLong(1, id);
            u.executeUpdate();
        }
    }

    private static final String SELECT = "select id, customer_name, problem, contact, organisation_id,"
            + " organisation_name, submitted_at_ms from queue_entries";

    private List<Row> query(String where, String parameter) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + " " + where)) {
            if (parameter != null) {
                q.setString(1, parameter);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getLong(7));
    }
}
