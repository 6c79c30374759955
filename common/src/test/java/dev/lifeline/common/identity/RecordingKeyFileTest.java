package dev.lifeline.common.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead's key file: the recording private key under a passphrase, and the relay signing key it pins. */
class RecordingKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theKeyFileCarriesThePinnedRelayKeyBesideThePrivateKey() throws Exception {
        RecordingKeyPair key = RecordingKeyPair.create();
        byte[] relay = new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey().getEncoded();
        Path file = dir.resolve("lead.key");
        key.saveKeyFile(file, "passphrase".toCharArray(), relay);
        assertArrayEquals(key.publicKey(), RecordingKeyPair.loadKeyFile(file, "passphrase".toCharArray()).publicKey());
        assertArrayEquals(relay, RecordingKeyPair.pinnedRelaySigningKey(file));
    }

    @Test
    void aKeyFileWithoutAPinStillOpensAndPinsNothing() throws Exception {
        RecordingKeyPair key = RecordingKeyPair.create();
        Path file = dir.resolve("old.key");
        key.saveKeyFile(file, "passphrase".toCharArray());
        assertArrayEquals(key.publicKey(), RecordingKeyPair.loadKeyFile(file, "passphrase".toCharArray()).publicKey());
        assertNull(RecordingKeyPair.pinnedRelaySigningKey(file));
        assertThrows(IllegalArgumentException.class,
                () -> key.saveKeyFile(dir.resolve("bad.key"), "passphrase".toCharArray(), new byte[31]));
    }
}
