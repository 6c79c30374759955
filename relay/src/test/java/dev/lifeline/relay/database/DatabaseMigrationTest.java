package dev.lifeline.relay.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Flyway builds the same schema on H2 and on the real PostgreSQL, and reopening changes nothing. */
class DatabaseMigrationTest {
    @TempDir
    Path dir;

    static final Set<String> TABLES = Set.of("accounts", "audit_log", "auth_tokens", "billing_entries", "contracts",
            "organisations", "queue_entries", "reports", "setup_tokens", "support_sessions", "token_keys",
            "session_handovers");

    /** Every migration script shipped, so a new one needs no edit here. */
    static long migrations() throws Exception {
        try (var files = Files.list(Path.of(DatabaseMigrationTest.class.getResource("/db/migration").toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migrationsCreateEveryTableAndAreIdempotent(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            assertTrue(tables(db.database()).containsAll(TABLES), tables(db.database()).toString());
            // V1 team server, V2 session reports (issue 7), V3 session handovers, V4 TOTP enrolment (issue 6): every script shipped.
            long applied = count(db.database(), "select count(*) from flyway_schema_history where success and type = 'SQL'");
            assertEquals(migrations(), applied);
            // Reopening the same database applies nothing new and keeps the data.
            try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into organisations (name, created_at_ms) values ('ACME', 1)");
            }
            try (Database again = Database.open(db.url(), dir)) {
                assertEquals(applied, count(again, "select count(*) from flyway_schema_history where success and type = 'SQL'"));
                assertEquals(1, count(again, "select count(*) from organisations"));
            }
        }
    }

    @Test
    void defaultIsAnH2FileInTheDataDirectory() {
        try (Database db = Database.open(null, dir)) {
            assertEquals(Database.Dialect.H2, db.dialect());
        }
        assertTrue(Files.exists(dir.resolve(Database.H2_FILE + ".mv.db")));
    }

    @Test
    void otherUrlsAreRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://x/y", dir));
        assertTrue(e.getMessage().contains("jdbc:postgresql"));
    }

    private static Set<String> tables(Database db) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    static long count(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
