package dev.lifeline.relay.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The team server's database: a HikariCP pool over H2 (a file in the relay's data directory, the
 * default) or PostgreSQL ({@code --db jdbc:postgresql://…}), migrated by Flyway on open.
 */
public final class Database implements AutoCloseable {
    /** File name (without H2's ".mv.db") of the embedded database inside the data directory. */
    public static final String H2_FILE = "lifeline";

    private final HikariDataSource pool;
    private final Dialect dialect;

    public enum Dialect { H2, POSTGRESQL }

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** The default URL: an H2 file in {@code dataDir}, in PostgreSQL mode so both speak the same SQL. */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    /** Opens {@code url} (null: the H2 default in {@code dataDir}) and applies pending migrations. */
    public static Database open(String url, Path dataDir) {
        String jdbcUrl = url == null || url.isBlank() ? defaultUrl(dataDir) : url;
        Dialect dialect;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql://…)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("lifeline-db");
        // Small: the relay does a few short statements per sign-in, pick or session end.
        config.setMaximumPoolSize(dialect == Dialect.H2 ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // Writes take several statements; each unit of work commits explicitly.
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A unit of work in one transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        pool.close();
    }
}
