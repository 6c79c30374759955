package dev.lifeline.client.session;

import java.nio.file.Path;

/** Loads a technician identity file (issued by `lifeline relay tech issue`) for the Console. */
public interface TechnicianIdentities {
    /**
     * Reads and checks the file. {@code passphrase} may be empty for an unencrypted file.
     * Does file I/O and key decryption: call it off the FX thread.
     */
    LoadedTechnician load(Path identityFile, char[] passphrase) throws IdentityLoadException;
}
