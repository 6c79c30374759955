package dev.lifeline.relay.contracts;

import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.ManagedServices;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.DatabaseOptions;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lifeline relay customer …}: customer organisations and their contracts. */
@Command(name = "customer", mixinStandardHelpOptions = true, description = "Customer organisations and their contracts.",
        subcommands = {CustomerCommand.Set.class, CustomerCommand.ListCustomers.class})
public final class CustomerCommand {
    private CustomerCommand() {
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Create the organisation if needed and give it a contract: time-and-material (--rate,"
                    + " --increment), managed-services (--monthly-fee, --first-response, --resolution, --cover) or"
                    + " block-hours (--hours, --low-balance, --increment).")
    static final class Set implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Option(names = "--name", required = true, description = "Organisation name, as Get Help's bundle names it.") String name;
        @Option(names = "--contract", required = true, description = "time-and-material, managed-services or block-hours.") String kind;
        @Option(names = "--rate", description = "Hourly rate, e.g. 90.00.") BigDecimal rate;
        @Option(names = "--increment", defaultValue = "15", description = "Billing increment in minutes (default: ${DEFAULT-VALUE}).") int increment;
        @Option(names = "--monthly-fee", description = "Fixed monthly fee, e.g. 1500.00.") BigDecimal monthlyFee;
        @Option(names = "--first-response", defaultValue = "30", description = "SLA: minutes to first response (default: ${DEFAULT-VALUE}).") int firstResponse;
        @Option(names = "--resolution", defaultValue = "480", description = "SLA: minutes to resolution (default: ${DEFAULT-VALUE}).") int resolution;
        @Option(names = "--cover", defaultValue = "24/7", description = "Hours of cover: 24/7 or \"mon-fri 08-18 Europe/Berlin\" (default: ${DEFAULT-VALUE}).") String cover;
        @Option(names = "--hours", description = "Block hours bought.") BigDecimal hours;
        @Option(names = "--low-balance", defaultValue = "2", description = "Warn below this many block hours (default: ${DEFAULT-VALUE}).") BigDecimal lowBalance;

        @Override
        public Integer call() throws Exception {
            Contract contract;
            try {
                contract = switch (kind.toLowerCase(Locale.ROOT)) {
                    case "time-and-material" -> new TimeAndMaterial(cents(required(rate, "--rate")), increment);
                    case "managed-services" -> new ManagedServices(cents(required(monthlyFee, "--monthly-fee")),
                            firstResponse, resolution, HoursOfCover.parse(cover));
                    case "block-hours" -> new BlockHours(minutes(required(hours, "--hours")), minutes(lowBalance), increment);
                    default -> throw new IllegalArgumentException("--contract must be time-and-material, managed-services or block-hours");
                };
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 64;
            }
            try (Database db = database.open()) {
                ContractStore store = new ContractStore(db);
                long now = System.currentTimeMillis();
                store.setContract(store.organisation(name, now), contract, now);
                System.out.println(name + ": " + ContractText.describe(contract));
                return 0;
            }
        }

        private static BigDecimal required(BigDecimal value, String option) {
            if (value == null) {
                throw new IllegalArgumentException(option + " is required for this contract");
            }
            return value;
        }

        private static long cents(BigDecimal amount) {
            return amount.movePointRight(2).longValueExact();
        }

        private static long minutes(BigDecimal hours) {
            return hours.multiply(BigDecimal.valueOf(60)).longValue();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Organisations, contracts and block balances.")
    static final class ListCustomers implements Callable<Integer> {
        @Mixin DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                ContractStore store = new ContractStore(db);
                for (ContractStore.Organisation organisation : store.organisations()) {
                    var active = store.activeContract(organisation.id());
                    String text = active.map(a -> ContractText.describe(a.contract())).orElse("no contract");
                    if (active.isPresent() && active.get().contract() instanceof BlockHours bh) {
                        long remaining = bh.purchasedMinutes() - store.blockMinutesUsed(active.get().contractId());
                        text += ", " + ContractText.hours(remaining) + " h left";
                    }
                    System.out.println(organisation.name() + ": " + text);
                }
                return 0;
            }
        }
    }
}
