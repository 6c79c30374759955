package dev.lifeline.relay;

import dev.lifeline.relay.accounts.UserCommand;
import dev.lifeline.relay.audit.AuditCommand;
import dev.lifeline.relay.billing.BillingCommand;
import dev.lifeline.relay.contracts.CustomerCommand;
import dev.lifeline.relay.organisation.InitCommand;
import dev.lifeline.relay.organisation.OrgCommand;
import dev.lifeline.relay.organisation.TechCommand;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.accounts.AccountStore;
import dev.lifeline.relay.accounts.SetupTokens;
import dev.lifeline.relay.database.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lifeline-relay}: the relay's command line. Subcommands are added here. */
@Command(name = "lifeline-relay", mixinStandardHelpOptions = true, versionProvider = RelayCommand.Version.class,
        description = "The Lifeline relay: pairs customers with technicians and forwards their encrypted traffic.",
        subcommands = {RelayCommand.Run.class, InitCommand.class, OrgCommand.class, TechCommand.class, UserCommand.class,
                AuditCommand.class, CustomerCommand.class, BillingCommand.class, CommandLine.HelpCommand.class})
public final class RelayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'run')");
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RelayCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Lifeline relay " + (v == null ? "dev" : v)};
        }
    }

    public static void main(String[] args) {
        // The relay's own logging setup; the apps embed the relay classes and keep theirs.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "lifeline-relay-logback.xml");
        }
        System.exit(new CommandLine(new RelayCommand()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the relay until stopped.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--port", defaultValue = "7443", description = "TCP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--data-dir", description = "Certificate and data directory (default: ~/.lifeline/relay).")
        Path dataDir = Path.of(System.getProperty("user.home"), ".lifeline", "relay");

        @Option(names = "--code-ttl", defaultValue = "PT10M",
                description = "How long an unused code lives, ISO-8601 duration or seconds (default: 10 minutes).")
        String codeTtl;

        @Option(names = "--resume-grace", defaultValue = "PT60S",
                description = "How long a dropped peer may come back, ISO-8601 duration or seconds (default: 60 s).")
        String resumeGrace;

        @Option(names = "--max-frames-per-second", defaultValue = "400",
                description = "Frames per second per connection; bursts up to twice that (default: ${DEFAULT-VALUE}).")
        int maxFramesPerSecond;

        @Option(names = "--idle-timeout", defaultValue = "PT60S",
                description = "Close connections silent for this long, ISO-8601 duration or seconds (default: 60 s).")
        String idleTimeout;

        @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:LIFELINE_DB}",
                description = "Team database: jdbc:postgresql://host/db?user=… (default: $LIFELINE_DB, else an H2 file"
                        + " in the data directory).")
        String db;

        @Option(names = "--ca-passphrase-file", paramLabel = "FILE", defaultValue = "${env:LIFELINE_CA_PASSPHRASE_FILE}",
                description = "First line: the organisation key passphrase. With it the relay certifies technicians"
                        + " when they sign in; without it the CA stays offline and technicians use identity files"
                        + " from `tech issue` (default: $LIFELINE_CA_PASSPHRASE_FILE).")
        Path caPassphraseFile;

        @Override
        public Integer call() throws Exception {
            Database database = Database.open(db, dataDir);
            OrganisationCa ca = null;
            if (caPassphraseFile != null) {
                char[] passphrase = Files.readAllLines(caPassphraseFile, StandardCharsets.UTF_8).stream().findFirst()
                        .orElse("").toCharArray();
                try {
                    ca = OrganisationCa.load(dataDir.resolve("organisation"), passphrase);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            }
            if (!new AccountStore(database).anyAdmin()) {
                String token = new SetupTokens(database, Clock.systemUTC()).issue(dataDir);
                System.out.println("No administrator yet. On this host, create the first one with:");
                System.out.println("  lifeline relay user add --data-dir " + dataDir + " --name NAME --role admin --setup-token " + token);
            }
            RelayConfig config = RelayConfig.builder()
                    .database(database)
                    .organisationCa(ca)
                    .bindAddress(bind)
                    .port(port)
                    .dataDir(dataDir)
                    .codeTtl(duration(codeTtl))
                    .resumeGrace(duration(resumeGrace))
                    .idleTimeout(duration(idleTimeout))
                    .maxFramesPerSecond(maxFramesPerSecond)
                    .build();
            RunningRelay relay = RelayServer.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                relay.close();
                database.close();
                stopped.countDown();
            }, "relay-shutdown"));
            System.out.println("certificate fingerprint (SHA-256): " + relay.certificateFingerprint());
            relay.recordingSigningKey().ifPresent(key ->
                    System.out.println("recording sessions; recording signing key: " + key));
            System.out.println("listening on " + bind + ":" + relay.port());
            System.out.println("team database: " + (database.dialect() == Database.Dialect.H2 ? "H2 in " + dataDir : "PostgreSQL")
                    + "; technician certificates on sign-in: " + (ca != null ? "on" : "off (offline CA)"));
            System.out.flush();
            stopped.await();
            return 0;
        }

        /** "PT30S", "10m", "90s", or a plain number of seconds. */
        static Duration duration(String text) {
            String t = text.trim();
            if (t.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.matches("\\d+[smh]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(t);
        }
    }
}
