package dev.lifeline.relay.database;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every repository test runs on: a fresh H2 file in a temporary directory, and
 * a fresh schema on the real PostgreSQL server that {@code .ci/setup} starts
 * ({@code $LIFELINE_TEST_POSTGRES_URL}, by default the local lifeline_test database). Without a
 * reachable server the PostgreSQL runs are skipped with a message — unless
 * {@code LIFELINE_TEST_POSTGRES_REQUIRED} or {@code CI} is set, then they fail.
 */
public final class TestDatabases {
    public enum Backend { H2, POSTGRESQL }

    static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/lifeline_test?user=lifeline_test&password=lifeline_test";

    private TestDatabases() {
    }

    /** A migrated, empty database; closing it drops the PostgreSQL schema. */
    public static final class TestDatabase implements AutoCloseable {
        private final Database database;
        private final String url;
        private final Runnable cleanup;

        TestDatabase(Database database, String url, Runnable cleanup) {
            this.database = database;
            this.url = url;
            this.cleanup = cleanup;
        }

        public Database database() {
            return database;
        }

        /** The JDBC URL (for reopening the same database, e.g. a relay restart, or --db). */
        public String url() {
            return url;
        }

        @Override
        public void close() {
            database.close();
            cleanup.run();
        }
    }

    public static TestDatabase open(Backend backend, Path tempDir) {
        return switch (backend) {
            case H2 -> new TestDatabase(Database.open(null, tempDir), Database.defaultUrl(tempDir), () -> { });
            case POSTGRESQL -> postgres();
        };
    }

    /** A fresh schema on the test server; its URL (also for Database.open) selects the schema. */
    public static String freshPostgresSchemaUrl() {
        String base = postgresBaseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            unreachable(base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropPostgresSchema(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(postgresBaseUrl()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            // best effort: the schema name is random, a leftover harms no other test
        }
    }

    private static TestDatabase postgres() {
        String url = freshPostgresSchemaUrl();
        return new TestDatabase(Database.open(url, null), url, () -> dropPostgresSchema(url));
    }

    private static String postgresBaseUrl() {
        String env = System.getenv("LIFELINE_TEST_POSTGRES_URL");
        return env == null || env.isBlank() ? DEFAULT_POSTGRES_URL : env;
    }

    private static void unreachable(String url, SQLException e) {
        String where = url.replaceAll("password=[^&]*", "password=…");
        if (System.getenv("LIFELINE_TEST_POSTGRES_REQUIRED") != null || System.getenv("CI") != null) {
            fail("PostgreSQL tests are mandatory here but " + where + " is not reachable: " + e.getMessage()
                    + " (run .ci/setup)");
        }
        Assumptions.abort("PostgreSQL not reachable at " + where + " (" + e.getMessage()
                + "); run .ci/setup to install and start it. Skipping the PostgreSQL run.");
    }
}
