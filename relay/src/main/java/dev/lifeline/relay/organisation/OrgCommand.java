package dev.lifeline.relay.organisation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "org", mixinStandardHelpOptions = true,
        description = "The organisation's keys: the CA that vouches for technicians and the recording key pair.",
        subcommands = {OrgCommand.Init.class, BundleCommand.class, RecordingCommands.Policy.class,
                RecordingCommands.ExportKey.class})
public final class OrgCommand {
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the organisation CA key pair and the recording key pair (private keys encrypted"
                    + " with a passphrase) in DATA_DIR/organisation.")
    static final class Init implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
                description = "Relay data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--organisation", required = true, description = "Organisation name, shown to customers.")
        String organisation;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Read the passphrase from the first line of FILE instead of asking.")
        Path passphraseFile;

        @Override
        public Integer call() throws Exception {
            Path dir = OrganisationFiles.directory(dataDir);
            if (Files.exists(dir.resolve(OrganisationFiles.CA_CERTIFICATE))) {
                System.err.println("error: " + dir + " already holds an organisation; refusing to replace its keys");
                return 1;
            }
            char[] passphrase = Passphrases.forNewKey(passphraseFile, "the organisation keys");
            try {
                OrganisationFiles.create(dataDir, organisation, passphrase).destroy();
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            System.out.println("Organisation \"" + organisation + "\" created in " + dir);
            System.out.println("  " + OrganisationFiles.CA_CERTIFICATE + "  give this to Get Help (--org-root) so it can verify technicians");
            System.out.println("  organisation-ca.key.pem  keep offline if you can; needed to issue technician identities");
            System.out.println("  recording.pub.pem / recording.key.pem  the key pair that opens session recordings (support leads)");
            System.out.println("Next: lifeline relay tech issue --name \"…\" --out FILE");
            System.out.println("      lifeline relay org bundle --relay HOST:PORT --out org.bundle   (for branded Get Help installers)");
            return 0;
        }
    }
}
