package dev.lifeline.relay.billing;

import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.DatabaseOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lifeline relay billing export}: billing entries of one organisation and month as CSV. */
@Command(name = "billing", mixinStandardHelpOptions = true, description = "Billing entries of finished sessions.",
        subcommands = BillingCommand.Export.class)
public final class BillingCommand {
    private BillingCommand() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "CSV of one organisation's entries in one month (UTC).")
    static final class Export implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Option(names = "--organisation", required = true) String organisation;
        @Option(names = "--month", required = true, description = "YYYY-MM") YearMonth month;
        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.") Path out;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                ContractStore contracts = new ContractStore(db);
                if (contracts.findOrganisation(organisation).isEmpty()) {
                    System.err.println("error: no organisation named \"" + organisation + "\"");
                    return 1;
                }
                String csv = new BillingStore(db, contracts).exportCsv(organisation, month);
                if (out == null) {
                    System.out.print(csv);
                } else {
                    Files.writeString(out, csv, StandardCharsets.UTF_8);
                    System.out.println("wrote " + out);
                }
                return 0;
            }
        }
    }
}
