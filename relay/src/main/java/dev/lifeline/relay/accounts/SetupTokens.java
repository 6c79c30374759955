package dev.lifeline.relay.accounts;

import dev.lifeline.relay.database.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One-time tokens for creating the first administrator on the relay host. The token is written,
 * owner-only, to {@code setup-token} in the data directory and printed; only its SHA-256 is
 * stored. There is no network path to it: creating the first admin needs the command line and
 * read access to the data directory.
 */
public final class SetupTokens {
    public static final String FILE = "setup-token";
    public static final Duration LIFETIME = Duration.ofHours(24);

    private final Database database;
    private final Clock clock;

    public SetupTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A fresh token, also written to DATA_DIR/setup-token (owner-only). */
    public String issue(Path dataDir) throws SQLException, IOException {
        byte[] raw = new byte[20];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into setup_tokens (token_hash, expires_at_ms) values (?, ?)")) {
            insert.setString(1, sha256(token));
            insert.setLong(2, clock.millis() + LIFETIME.toMillis());
            insert.executeUpdate();
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        return token;
    }

    /** Uses up {@code token}: true exactly once for a token issued here that has not expired. */
    public boolean consume(String token) throws SQLException {
        if (token == null || !token.strip().matches("[0-9a-f]{40}")) {
            return false;
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement use = c.prepareStatement(
                     "update setup_tokens set used = true where token_hash = ? and used = false and expires_at_ms > ?")) {
            use.setString(1, sha256(token.strip()));
            use.setLong(2, clock.millis());
            return use.executeUpdate() == 1;
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
