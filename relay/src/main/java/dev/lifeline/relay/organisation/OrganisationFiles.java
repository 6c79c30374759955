package dev.lifeline.relay.organisation;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.RecordingKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the organisation's keys live inside the relay's data directory. */
final class OrganisationFiles {
    static final String DIRECTORY = "organisation";
    static final String CA_CERTIFICATE = "organisation-ca.crt.pem";

    private OrganisationFiles() {
    }

    static Path directory(Path dataDir) {
        return dataDir.resolve(DIRECTORY);
    }

    static boolean exists(Path dataDir) {
        return Files.exists(directory(dataDir).resolve(CA_CERTIFICATE));
    }

    /** A new organisation CA and recording key pair in DATA_DIR/organisation, private keys under {@code passphrase}. */
    static OrganisationCa create(Path dataDir, String organisation, char[] passphrase) throws IOException {
        Path dir = directory(dataDir);
        Files.createDirectories(dir);
        OrganisationCa ca = OrganisationCa.create(organisation);
        ca.save(dir, passphrase);
        RecordingKeyPair recording = RecordingKeyPair.create();
        recording.save(dir, passphrase);
        RecordingCommands.writePublicMaterial(dir, ca, recording);
        return ca;
    }
}
