package dev.lifeline.relay.organisation;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tech", mixinStandardHelpOptions = true,
        description = "Technician identities signed by the organisation CA.",
        subcommands = TechCommand.Issue.class)
public final class TechCommand {
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a technician identity (Ed25519 key + certificate signed by the organisation CA)"
                    + " into one file for the Console.")
    static final class Issue implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
                description = "Relay data directory holding organisation/ (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--name", required = true, description = "The technician's full name, shown to customers.")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Identity file to write.")
        Path out;

        @Option(names = "--valid-days", defaultValue = "365", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int validDays;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "First line: the organisation key passphrase (else asked on the terminal).")
        Path passphraseFile;

        @Option(names = "--identity-passphrase-file", paramLabel = "FILE",
                description = "First line: a passphrase that encrypts the technician's key in the identity file."
                        + " Without it the key is stored unencrypted, readable by the file's owner only.")
        Path identityPassphraseFile;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out)) {
                System.err.println("error: " + out + " exists; refusing to overwrite an identity");
                return 1;
            }
            if (validDays < 1 || validDays > 3650) {
                System.err.println("error: --valid-days must be 1..3650");
                return 64;
            }
            char[] caPassphrase = Passphrases.forExistingKey(passphraseFile, "the organisation keys");
            char[] identityPassphrase = identityPassphraseFile == null ? new char[0]
                    : Passphrases.forExistingKey(identityPassphraseFile, "the identity");
            try {
                OrganisationCa ca = OrganisationCa.load(OrganisationFiles.directory(dataDir), caPassphrase);
                TechnicianIdentity identity = ca.issueTechnician(name, Duration.ofDays(validDays));
                identity.save(out, identityPassphrase);
                System.out.println("Issued " + name + " (" + identity.organisation() + "), valid until "
                        + identity.notAfter() + ", to " + out);
            } finally {
                Arrays.fill(caPassphrase, '\0');
                Arrays.fill(identityPassphrase, '\0');
            }
            return 0;
        }
    }
}
