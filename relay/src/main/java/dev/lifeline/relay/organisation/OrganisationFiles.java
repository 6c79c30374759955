package dev.lifeline.relay.organisation;

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
}
