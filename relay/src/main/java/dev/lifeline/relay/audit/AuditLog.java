package dev.lifeline.relay.audit;

import dev.lifeline.relay.database.Database;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log. Each entry holds the SHA-256 of the entry before it and its own hash
 * over (previous hash, sequence number, time, actor, action, detail), so changing, removing or
 * reordering a stored row breaks the chain at that row; {@link #verify()} finds the first break.
 * A removed tail is not detectable from the chain alone (the head is not anchored elsewhere).
 *
 * <p>Details name accounts, sessions and outcomes, never passwords, tokens, codes or chat.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);
    static final int MAX_DETAIL = 1000;
    private static final int MAX_RETRIES = 5;

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Appends one entry; returns its sequence number. Concurrent appenders retry on a taken number. */
    public synchronized long append(String actor, String action, String detail) throws SQLException {
        String safeDetail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        SQLException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            try {
                return database.inTransaction(connection -> appendIn(connection, actor, action, safeDetail));
            } catch (SQLException e) {
                // Another relay node took the same sequence number (primary key): read the head again.
                last = e;
            }
        }
        throw last;
    }

    private long appendIn(Connection connection, String actor, String action, String detail) throws SQLException {
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement head = connection.prepareStatement(
                "select seq, hash from audit_log order by seq desc limit 1");
             ResultSet rs = head.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        long at = clock.millis();
        String hash = hash(prev, seq, at, actor, action, detail);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_log (seq, at_ms, actor, action, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setLong(2, at);
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, detail);
            insert.setString(6, prev);
            insert.setString(7, hash);
            insert.executeUpdate();
        }
        return seq;
    }

    /** Appends without failing the caller: an audit write that fails is logged (without the detail). */
    public void record(String actor, String action, String detail) {
        try {
            append(actor, action, detail);
        } catch (SQLException e) {
            LOG.error("could not write audit entry {}: {}", action, e.getMessage());
        }
    }

    /** Walks the whole chain in order and reports the first entry that does not fit. */
    public AuditVerification verify() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement all = connection.prepareStatement(
                     "select seq, at_ms, actor, action, detail, prev_hash, hash from audit_log order by seq")) {
            all.setFetchSize(500);
            try (ResultSet rs = all.executeQuery()) {
                long expectedSeq = 1;
                String prev = GENESIS;
                long count = 0;
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String storedPrev = rs.getString(6);
                    String storedHash = rs.getString(7);
                    if (seq != expectedSeq) {
                        return AuditVerification.broken(count, seq, "entry " + expectedSeq + " is missing");
                    }
                    if (!MessageDigest.isEqual(bytes(storedPrev), bytes(prev))) {
                        return AuditVerification.broken(count, seq, "does not point at the hash of entry " + (seq - 1));
                    }
                    String computed = hash(storedPrev, seq, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (!MessageDigest.isEqual(bytes(storedHash), bytes(computed))) {
                        return AuditVerification.broken(count, seq, "its content does not match its hash");
                    }
                    prev = storedHash;
                    expectedSeq++;
                    count++;
                }
                return AuditVerification.intact(count);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.US_ASCII);
    }

    /** SHA-256 over length-prefixed fields, so no two different entries share an encoding. */
    static String hash(String prev, long seq, long atMs, String actor, String action, String detail) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            field(out, prev);
            out.writeLong(seq);
            out.writeLong(atMs);
            field(out, actor);
            field(out, action);
            field(out, detail);
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
