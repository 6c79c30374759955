package dev.lifeline.client.launch;

import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import java.time.Clock;

/**
 * The demo's team: a technician and an admin who can sign in to the Console, and a customer
 * organisation on a block-hours contract whose requests wait in the queue. Created once per demo
 * folder (a reused --data-dir keeps them). The password is a demo's, printed on start.
 */
final class DemoTeam {
    static final String TECHNICIAN = DemoCommand.DEMO_TECHNICIAN;
    static final String ADMIN = "Demo Admin";
    static final String PASSWORD = "orange-Kite-42-river";
    static final String CUSTOMER_ORGANISATION = "Demo Customer Ltd";
    static final String PROBLEM = "The printer in the office prints blank pages";

    private DemoTeam() {
    }

    static void create(Database database) throws Exception {
        Clock clock = Clock.systemUTC();
        Accounts accounts = Accounts.withDefaults(database, new AuditLog(database, clock), clock);
        if (accounts.store().find(TECHNICIAN).isEmpty()) {
            accounts.add("demo", TECHNICIAN, AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            accounts.add("demo", ADMIN, AccountRole.ADMIN, PASSWORD.toCharArray());
            ContractStore contracts = new ContractStore(database);
            contracts.setContract(contracts.organisation(CUSTOMER_ORGANISATION, clock.millis()),
                    new Contract.BlockHours(10 * 60, 2 * 60, 15), clock.millis());
        }
    }
}
