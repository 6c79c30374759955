package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Ed25519Test {
    static List<VectorFile.Case> rfc8032() {
        return VectorFile.load("ed25519-rfc8032.txt");
    }

    @ParameterizedTest
    @MethodSource("rfc8032")
    void matchesRfc8032(VectorFile.Case c) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(c.hex("private"), 0);
        assertArrayEquals(c.hex("public"), key.generatePublicKey().getEncoded());
        assertArrayEquals(c.hex("signature"), Ed25519.sign(key, c.hex("message")));
        assertTrue(Ed25519.verify(c.hex("public"), c.hex("message"), c.hex("signature")));
    }

    @ParameterizedTest
    @MethodSource("rfc8032")
    void rejectsModifiedSignatureAndMessage(VectorFile.Case c) {
        byte[] signature = c.hex("signature");
        signature[5] ^= 1;
        assertFalse(Ed25519.verify(c.hex("public"), c.hex("message"), signature));
        assertFalse(Ed25519.verify(c.hex("public"), new byte[] {9, 9}, c.hex("signature")));
        assertFalse(Ed25519.verify(new byte[31], c.hex("message"), c.hex("signature")));
    }
}
