package dev.lifeline.relay.accounts;

import dev.lifeline.relay.database.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed session tokens: {@code <token id>.<account id>.<expiry ms>.<HMAC-SHA256>}
 * (Base64url), signed with a key kept in the database so every relay node on it accepts them.
 * A token is valid while its signature checks (constant time), it has not expired, and its row
 * in {@code auth_tokens} is not revoked — so the relay can end a sign-in at once.
 */
public final class SessionTokens {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    static final int MAX_TOKEN_CHARS = 200;

    private final Database database;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final byte[] key;

    public SessionTokens(Database database, Clock clock, Duration lifetime, SecureRandom random) throws SQLException {
        this.database = database;
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
        this.key = loadOrCreateKey();
    }

    /** What a valid token says. */
    public record Claims(String tokenId, long accountId, long expiresAtMs) {
    }

    /** An issued token and when it expires. */
    public record Issued(String token, Claims claims) {
    }

    public Issued issue(long accountId) throws SQLException {
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        String tokenId = HexFormat.of().formatHex(idBytes);
        long now = clock.millis();
        long expires = now + lifetime.toMillis();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into auth_tokens (token_id, account_id, issued_at_ms, expires_at_ms) values (?, ?, ?, ?)")) {
            insert.setString(1, tokenId);
            insert.setLong(2, accountId);
            insert.setLong(3, now);
            insert.setLong(4, expires);
            insert.executeUpdate();
        }
        String body = tokenId + "." + accountId + "." + expires;
        return new Issued(body + "." + B64.encodeToString(mac(body)), new Claims(tokenId, accountId, expires));
    }

    /** The claims of a valid token; empty for a forged, expired, revoked or malformed one. */
    public Optional<Claims> validate(String token) throws SQLException {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        byte[] signature;
        try {
            signature = B64D.decode(token.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Claims claims;
        try {
            claims = new Claims(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (claims.expiresAtMs() <= clock.millis()) {
            return Optional.empty();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select revoked, account_id from auth_tokens where token_id = ?")) {
            q.setString(1, claims.tokenId());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getBoolean(1) || rs.getLong(2) != claims.accountId()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(claims);
    }

    /** Whether the token {@code tokenId} of {@code accountId} is neither revoked nor expired (for renewal). */
    public boolean isLive(String tokenId, long accountId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select revoked, account_id, expires_at_ms from auth_tokens where token_id = ?")) {
            q.setString(1, tokenId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && !rs.getBoolean(1) && rs.getLong(2) == accountId && rs.getLong(3) > clock.millis();
            }
        }
    }

    public boolean revoke(String tokenId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement u = c.prepareStatement("update auth_tokens set revoked = true where token_id = ?")) {
            u.setString(1, tokenId);
            return u.executeUpdate() > 0;
        }
    }

    /** Ends every sign-in of an account (disable, password reset). */
    public int revokeAll(long accountId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement u = c.prepareStatement(
                     "update auth_tokens set revoked = true where account_id = ? and revoked = false")) {
            u.setLong(1, accountId);
            return u.executeUpdate();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from this JDK", e);
        }
    }

    private byte[] loadOrCreateKey() throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("select key_base64 from token_keys where id = 1");
                 ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return Base64.getDecoder().decode(rs.getString(1));
                }
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into token_keys (id, key_base64, created_at_ms) values (1, ?, ?)")) {
                insert.setString(1, Base64.getEncoder().encodeToString(fresh));
                insert.setLong(2, clock.millis());
                insert.executeUpdate();
            }
            return fresh;
        });
    }
}
