package dev.lifeline.client.session;

import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.IdentityExpiredException;
import dev.lifeline.common.identity.IdentityFileNotFoundException;
import dev.lifeline.common.identity.WrongPassphraseException;
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
        } catch (IdentityException e) {
            throw new IdentityLoadException(problemOf(e), e.getMessage(), e);
        }
        return new LoadedTechnician(identity.name(), identity.organisation(), identity.notAfter(),
                client.technicianSessions(identity));
    }

    private static IdentityLoadException.Problem problemOf(IdentityException e) {
        if (e instanceof IdentityFileNotFoundException) {
            return IdentityLoadException.Problem.NOT_FOUND;
        }
        if (e instanceof WrongPassphraseException) {
            return IdentityLoadException.Problem.WRONG_PASSPHRASE;
        }
        if (e instanceof IdentityExpiredException) {
            return IdentityLoadException.Problem.EXPIRED;
        }
        return IdentityLoadException.Problem.NOT_AN_IDENTITY;
    }
}
