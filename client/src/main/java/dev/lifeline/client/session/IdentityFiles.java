package dev.lifeline.client.session;

import dev.lifeline.common.identity.IdentityFileException;
import dev.lifeline.common.identity.TechnicianIdentity;
import java.nio.file.Path;

/** Reads technician identity files and turns them into technicians ready to join. */
final class IdentityFiles implements TechnicianIdentities {
    private final RelayClient client;

    IdentityFiles(RelayClient client) {
        this.client = client;
    }

    @Override
    public LoadedTechnician load(Path identityFile, char[] passphrase) throws IdentityLoadException {
        TechnicianIdentity identity;
        try {
            identity = TechnicianIdentity.load(identityFile, passphrase);
        } catch (IdentityFileException e) {
            throw new IdentityLoadException(problemOf(e), e.getMessage(), e);
        }
        return new LoadedTechnician(identity.name(), identity.organisation(), identity.notAfter(),
                client.technicianSessions(identity));
    }

    private static IdentityLoadException.Problem problemOf(IdentityFileException e) {
        return switch (e.problem()) {
            case NOT_FOUND -> IdentityLoadException.Problem.NOT_FOUND;
            case WRONG_PASSPHRASE -> IdentityLoadException.Problem.WRONG_PASSPHRASE;
            case EXPIRED -> IdentityLoadException.Problem.EXPIRED;
            default -> IdentityLoadException.Problem.NOT_AN_IDENTITY;
        };
    }
}
