package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class X25519KeyPairTest {
    private final VectorFile.Case rfc = VectorFile.load("x25519-rfc7748.txt").get(0);

    @Test
    void publicKeysMatchRfc7748() {
        assertArrayEquals(rfc.hex("alice_public"), X25519KeyPair.fromPrivateKey(rfc.hex("alice_private")).publicKey());
        assertArrayEquals(rfc.hex("bob_public"), X25519KeyPair.fromPrivateKey(rfc.hex("bob_private")).publicKey());
    }

    @Test
    void sharedSecretMatchesRfc7748BothWays() throws Exception {
        X25519KeyPair alice = X25519KeyPair.fromPrivateKey(rfc.hex("alice_private"));
        X25519KeyPair bob = X25519KeyPair.fromPrivateKey(rfc.hex("bob_private"));
        assertArrayEquals(rfc.hex("shared"), alice.agree(rfc.hex("bob_public")));
        assertArrayEquals(rfc.hex("shared"), bob.agree(rfc.hex("alice_public")));
    }

    @Test
    void generatedPairsAgree() throws Exception {
        SecureRandom random = new SecureRandom();
        X25519KeyPair a = X25519KeyPair.generate(random);
        X25519KeyPair b = X25519KeyPair.generate(random);
        assertEquals(32, a.publicKey().length);
        assertArrayEquals(a.agree(b.publicKey()), b.agree(a.publicKey()));
    }

    @Test
    void lowOrderPointsGiveAllZeroSecretAndAreRefused() {
        X25519KeyPair a = X25519KeyPair.generate(new SecureRandom());
        assertThrows(InvalidPeerKeyException.class, () -> a.agree(new byte[32]));
        byte[] one = new byte[32];
        one[0] = 1;
        assertThrows(InvalidPeerKeyException.class, () -> a.agree(one));
        assertThrows(InvalidPeerKeyException.class, () -> a.agree(new byte[31]));
    }

    @Test
    void destroyWipesAndToStringHidesKey() {
        X25519KeyPair a = X25519KeyPair.fromPrivateKey(rfc.hex("alice_private"));
        assertFalse(a.toString().contains("77076d"));
        a.destroy();
        assertThrows(IllegalStateException.class, () -> a.agree(rfc.hex("bob_public")));
    }
}
