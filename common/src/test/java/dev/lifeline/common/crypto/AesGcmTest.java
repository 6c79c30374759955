package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AesGcmTest {
    static List<VectorFile.Case> vectors() {
        return VectorFile.load("aes-gcm-256.txt");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void matchesGcmSpecVectors(VectorFile.Case c) throws Exception {
        byte[] sealedBytes = ByteBuffer.allocate(c.hex("ct").length + 16).put(c.hex("ct")).put(c.hex("tag")).array();
        if (Boolean.parseBoolean(c.value("valid"))) {
            assertArrayEquals(sealedBytes, AesGcm.seal(c.hex("key"), c.hex("iv"), c.hex("aad"), c.hex("pt")));
            assertArrayEquals(c.hex("pt"), AesGcm.open(c.hex("key"), c.hex("iv"), c.hex("aad"), sealedBytes));
        } else {
            assertThrows(AEADBadTagException.class,
                    () -> AesGcm.open(c.hex("key"), c.hex("iv"), c.hex("aad"), sealedBytes));
        }
    }

    @Test
    void truncatedCiphertextIsRejected() {
        assertThrows(AEADBadTagException.class, () -> AesGcm.open(new byte[32], new byte[12], null, new byte[15]));
    }

    @Test
    void wrongKeyLengthIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> AesGcm.seal(new byte[16], new byte[12], null, new byte[1]));
    }
}
