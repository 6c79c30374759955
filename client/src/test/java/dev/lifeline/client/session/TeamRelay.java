package dev.lifeline.client.session;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of the signed-in (team) tests, as a JUnit extension: before each test a real relay
 * on loopback with TLS, its team database in an H2 file, the organisation "ACME Support" and a
 * client of the relay. Tests add their accounts ({@link #technician}, {@link #lead}, all with
 * {@link #PASSWORD}) and customer contracts in their own {@code @BeforeEach}, which runs after this.
 * After each test it closes the client, the relay and the database and deletes the folder. Use it
 * as {@code @RegisterExtension final TeamRelay team = new TeamRelay();}.
 */
public final class TeamRelay implements BeforeEachCallback, AfterEachCallback {
    public static final String PASSWORD = "correct horse battery staple";
    /** Password hashing cheap enough for tests; the relay's default is slow on purpose. */
    public static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(1024, 1, 1);

    private final UnaryOperator<RelayConfig.Builder> options;
    private Path dataDir;
    private Database database;
    private OrganisationCa ca;
    private Accounts accounts;
    private ContractStore contracts;
    private RunningRelay relay;
    private RelayClient client;

    public TeamRelay() {
        this(builder -> builder);
    }

    /** With relay options beyond the defaults (a short token lifetime, a frame listener). */
    public TeamRelay(UnaryOperator<RelayConfig.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("lifeline-team-relay-");
        database = Database.open(null, dataDir);
        ca = OrganisationCa.create("ACME Support");
        Clock clock = Clock.systemUTC();
        accounts = new Accounts(database, new AuditLog(database, clock), clock, FAST, Lockout.DEFAULT,
                SessionTokens.DEFAULT_LIFETIME);
        contracts = new ContractStore(database);
        start(options);
    }

    /** Stops the relay and starts it again on the same database with {@code options}; a new client. */
    public void restart(UnaryOperator<RelayConfig.Builder> newOptions) throws Exception {
        client.close();
        relay.close();
        start(newOptions);
    }

    private void start(UnaryOperator<RelayConfig.Builder> with) throws Exception {
        relay = RelayServer.start(with.apply(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dataDir)
                .database(database).organisationCa(ca).passwordHashing(FAST)).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
    }

    /** A technician account; returns its id. */
    public long technician(String name) throws Exception {
        return accounts.add("cli", name, AccountRole.TECHNICIAN, PASSWORD.toCharArray()).id();
    }

    /** A support lead account; returns its id. */
    public long lead(String name) throws Exception {
        return accounts.add("cli", name, AccountRole.LEAD, PASSWORD.toCharArray()).id();
    }

    /** A customer organisation and its contract. */
    public void contract(String organisation, Contract contract) throws Exception {
        contracts.setContract(contracts.organisation(organisation, 0), contract, 0);
    }

    public RelayClient client() {
        return client;
    }

    public RunningRelay relay() {
        return relay;
    }

    public OrganisationCa ca() {
        return ca;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Database database() {
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            client.close();
            relay.close();
            database.close();
        } finally {
            PairedOverRelay.deleteAll(dataDir);
        }
    }
}
