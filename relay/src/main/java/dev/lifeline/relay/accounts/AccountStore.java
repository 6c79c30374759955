package dev.lifeline.relay.accounts;

import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts in the database: plain JDBC, one statement per method. */
public final class AccountStore {
    static final int MAX_NAME = 100;
    private static final String COLUMNS =
            "id, name, role, disabled, totp_secret is not null, failed_attempts, locked_until_ms, created_at_ms";

    private final Database database;

    public AccountStore(Database database) {
        this.database = database;
    }

    /** What sign-in needs: the account and its secrets. */
    record Credentials(Account account, String passwordHash, String totpSecret) {
    }

    public static final class DuplicateAccountException extends Exception {
        private static final long serialVersionUID = 1L;

        DuplicateAccountException(String name) {
            super("an account named \"" + name + "\" exists already");
        }
    }

    public Account create(String name, AccountRole role, String passwordHash, long nowMs)
            throws SQLException, DuplicateAccountException {
        String clean = validName(name);
        if (find(clean).isPresent()) {
            throw new DuplicateAccountException(clean);
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into accounts (name, role, password_hash, created_at_ms) values (?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, clean);
            insert.setString(2, role.name());
            insert.setString(3, passwordHash);
            insert.setLong(4, nowMs);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (find(clean).isPresent()) {
                throw new DuplicateAccountException(clean);
            }
            throw e;
        }
        return find(clean).orElseThrow();
    }

    /** Account names: 1–100 printable characters, no control characters, trimmed. */
    public static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("account names have 1 to " + MAX_NAME + " printable characters");
        }
        return clean;
    }

    public Optional<Account> find(String name) throws SQLException {
        return credentials(name).map(Credentials::account);
    }

    public Optional<Account> find(long id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select " + COLUMNS + " from accounts where id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    Optional<Credentials> credentials(String name) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select " + COLUMNS + ", password_hash, totp_secret from accounts where name = ?")) {
            q.setString(1, name == null ? "" : name.strip());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Credentials(account(rs), rs.getString(9), rs.getString(10)));
            }
        }
    }

    public List<Account> list() throws SQLException {
        List<Account> all = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select " + COLUMNS + " from accounts order by name");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                all.add(account(rs));
            }
        }
        return all;
    }

    public boolean anyAdmin() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from accounts where role = 'ADMIN'");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    public boolean setDisabled(String name, boolean disabled) throws SQLException {
        return update("update accounts set disabled = ? where name = ?", ps -> {
            ps.setBoolean(1, disabled);
            ps.setString(2, name);
        });
    }

    /** New password hash; also clears the lockout. */
    public boolean setPasswordHash(String name, String hash) throws SQLException {
        return update("update accounts set password_hash = ?, failed_attempts = 0, locked_until_ms = 0 where name = ?", ps -> {
            ps.setString(1, hash);
            ps.setString(2, name);
        });
    }

    /** Base32 TOTP secret, or null to turn the second factor off. */
    public boolean setTotpSecret(String name, String base32OrNull) throws SQLException {
        return update("update accounts set totp_secret = ? where name = ?", ps -> {
            ps.setString(1, base32OrNull);
            ps.setString(2, name);
        });
    }

    /** A TOTP secret waiting for its first code until {@code untilMs}; false when there is no such account. */
    public boolean setPendingTotp(String name, String base32, long untilMs) throws SQLException {
        return update("update accounts set totp_pending_secret = ?, totp_pending_until_ms = ? where name = ?", ps -> {
            ps.setString(1, base32);
            ps.setLong(2, untilMs);
            ps.setString(3, name);
        });
    }

    /** The pending TOTP secret of {@code name} if it has not lapsed at {@code nowMs}. */
    public Optional<String> pendingTotp(String name, long nowMs) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select totp_pending_secret, totp_pending_until_ms from accounts where name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null || rs.getLong(2) <= nowMs) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1));
            }
        }
    }

    /** The confirmed secret becomes the account's second factor; the pending one is gone. */
    public boolean activatePendingTotp(String name, String base32) throws SQLException {
        return update("update accounts set totp_secret = ?, totp_pending_secret = null, totp_pending_until_ms = null"
                + " where name = ? and totp_pending_secret = ?", ps -> {
            ps.setString(1, base32);
            ps.setString(2, name);
            ps.setString(3, base32);
        });
    }

    void recordFailure(long id, int failedAttempts, long lockedUntilMs) throws SQLException {
        update("update accounts set failed_attempts = ?, locked_until_ms = ? where id = ?", ps -> {
            ps.setInt(1, failedAttempts);
            ps.setLong(2, lockedUntilMs);
            ps.setLong(3, id);
        });
    }

    void clearFailures(long id) throws SQLException {
        update("update accounts set failed_attempts = 0, locked_until_ms = 0 where id = ?", ps -> ps.setLong(1, id));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private boolean update(String sql, Binder binder) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate() > 0;
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), AccountRole.valueOf(rs.getString(3)), rs.getBoolean(4),
                rs.getBoolean(5), rs.getInt(6), rs.getLong(7), rs.getLong(8));
    }
}
