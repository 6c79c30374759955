package dev.lifeline.relay.organisation;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.RecordingKeyEndorsement;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.relay.recording.RecordingPolicy;
import dev.lifeline.relay.recording.RelaySigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code org recording} (the policy) and {@code org recording-key} (the lead's key file). */
final class RecordingCommands {
    private RecordingCommands() {
    }

    /**
     * What the relay hands out without the passphrase: the CA's endorsement of the recording key
     * (the apps check it) and the public half of the lead fetch key (the relay checks fetches).
     */
    static void writePublicMaterial(Path dir, OrganisationCa ca, RecordingKeyPair recording) throws IOException {
        RecordingKeyEndorsement.save(dir, ca.endorseRecordingKey(recording.publicKey()));
        byte[] fetchPublic = recording.fetchSigningKey().generatePublicKey().getEncoded();
        Files.writeString(dir.resolve(RecordingPolicy.FETCH_KEY_FILE),
                Base64.getEncoder().encodeToString(fetchPublic) + "\n", StandardCharsets.US_ASCII);
    }

    @Command(name = "recording", mixinStandardHelpOptions = true,
            description = "Switch session recording on or off for this relay's organisation and set how long"
                    + " recordings are kept. Customers are told before every session while it is on.")
    static final class Policy implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
                description = "Relay data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--enable", description = "Record every session (default: off).")
        boolean enable;

        @Option(names = "--disable", description = "Stop recording new sessions.")
        boolean disable;

        @Option(names = "--retention-days", defaultValue = "90", description = "Delete recordings after this many days (default: ${DEFAULT-VALUE}).")
        int retentionDays;

        @Option(names = "--max-mib-per-session", defaultValue = "4096",
                description = "Largest recording of one session in MiB; the rest is not recorded (default: ${DEFAULT-VALUE}).")
        long maxMib;

        @Override
        public Integer call() throws Exception {
            Path dir = OrganisationFiles.directory(dataDir);
            if (!Files.exists(dir.resolve(OrganisationFiles.CA_CERTIFICATE))) {
                System.err.println("error: no organisation in " + dir + "; run `lifeline relay org init` first");
                return 1;
            }
            if (enable == disable) {
                System.err.println("error: say --enable or --disable");
                return 64;
            }
            if (enable && !Files.exists(dir.resolve(RecordingKeyEndorsement.FILE))) {
                System.err.println("error: the recording key has no endorsement yet (an organisation made before recordings);"
                        + " run `lifeline relay org recording-key --out FILE` once, which adds it");
                return 1;
            }
            RecordingPolicy.save(dir, enable, retentionDays, maxMib << 20);
            System.out.println(enable ? "Sessions will be recorded (kept " + retentionDays + " days) once the relay restarts."
                    : "Recording is off once the relay restarts.");
            return 0;
        }
    }

    @Command(name = "recording-key", mixinStandardHelpOptions = true,
            description = "Export the recording private key for a support lead, under a passphrase of its own,"
                    + " with this relay's recording-signing public key pinned (the player refuses recordings signed"
                    + " by another key). Whoever holds it can open every recording of the organisation.")
    static final class ExportKey implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
                description = "Relay data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the lead's key file.")
        Path out;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "First line: the organisation keys' passphrase (else asked).")
        Path passphraseFile;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "First line: the passphrase for the exported key file (else asked twice).")
        Path newPassphraseFile;

        @Override
        public Integer call() throws Exception {
            Path dir = OrganisationFiles.directory(dataDir);
            char[] orgPassphrase = Passphrases.forExistingKey(passphraseFile, "the organisation keys");
            char[] leadPassphrase = null;
            try {
                RecordingKeyPair recording = RecordingKeyPair.load(dir, orgPassphrase);
                if (!Files.exists(dir.resolve(RecordingKeyEndorsement.FILE))) {
                    writePublicMaterial(dir, OrganisationCa.load(dir, orgPassphrase), recording);
                }
                leadPassphrase = Passphrases.forNewKey(newPassphraseFile, "the lead's recording key file");
                // Pins this relay's signing key: the player refuses recordings signed by another.
                recording.saveKeyFile(out, leadPassphrase, RelaySigningKey.loadOrCreate(dataDir).publicKey());
                recording.destroy();
            } finally {
                Arrays.fill(orgPassphrase, '\0');
                if (leadPassphrase != null) {
                    Arrays.fill(leadPassphrase, '\0');
                }
            }
            System.out.println("Recording key written to " + out + " (mode 600), pinning this relay's recording-signing"
                    + " key. Open recordings with"
                    + " `lifeline console --headless --play … --recording-key " + out + "` or the Console's player.");
            return 0;
        }
    }
}
