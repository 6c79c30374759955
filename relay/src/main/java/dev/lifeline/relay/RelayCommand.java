package dev.lifeline.relay;

import dev.lifeline.relay.organisation.InitCommand;
import dev.lifeline.relay.organisation.OrgCommand;
import dev.lifeline.relay.organisation.TechCommand;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lifeline-relay}: the relay's command line. Subcommands are added here. */
@Command(name = "lifeline-relay", mixinStandardHelpOptions = true, versionProvider = RelayCommand.Version.class,
        description = "The Lifeline relay: pairs customers with technicians and forwards their encrypted traffic.",
        subcommands = {RelayCommand.Run.class, InitCommand.class, OrgCommand.class, TechCommand.class, CommandLine.HelpCommand.class})
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

        @Override
        public Integer call() throws Exception {
            RelayConfig config = RelayConfig.builder()
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
                stopped.countDown();
            }, "relay-shutdown"));
            System.out.println("certificate fingerprint (SHA-256): " + relay.certificateFingerprint());
            System.out.println("listening on " + bind + ":" + relay.port());
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
