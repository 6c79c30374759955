package dev.lifeline.relay.audit;

import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.DatabaseOptions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lifeline relay audit verify}: exit 0 when the chain is intact, 1 with the first broken entry. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The hash-chained audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {
    private AuditCommand() {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry's hash and link; exit 0 when intact, 1 at the first broken entry.")
    static final class Verify implements Callable<Integer> {
        @Mixin DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                AuditVerification result = new AuditLog(db, Clock.systemUTC()).verify();
                if (result.intact()) {
                    System.out.println("audit log intact: " + result.entriesChecked() + " entries");
                    return 0;
                }
                System.out.println("audit log BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem()
                        + " (" + result.entriesChecked() + " entries before it are intact)");
                return 1;
            }
        }
    }
}
