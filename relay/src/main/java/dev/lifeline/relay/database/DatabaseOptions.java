package dev.lifeline.relay.database;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --db} for every command that opens the relay's database. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
            description = "Relay data directory (default: ${DEFAULT-VALUE}); holds the H2 database unless --db is given.")
    public Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:LIFELINE_DB}",
            description = "Database URL, e.g. jdbc:postgresql://db.example.com/lifeline?user=relay"
                    + " (default: $LIFELINE_DB, else an H2 file in the data directory).")
    public String url;

    public Database open() {
        return Database.open(url, dataDir);
    }
}
