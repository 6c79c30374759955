package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HkdfTest {
    static List<VectorFile.Case> rfc5869() {
        return VectorFile.load("hkdf-rfc5869.txt");
    }

    @ParameterizedTest
    @MethodSource("rfc5869")
    void matchesRfc5869(VectorFile.Case c) {
        int length = Integer.parseInt(c.value("length"));
        assertArrayEquals(c.hex("prk"), Hkdf.extract(c.hex("salt"), c.hex("ikm")));
        assertArrayEquals(c.hex("okm"), Hkdf.expand(c.hex("prk"), c.hex("info"), length));
        assertArrayEquals(c.hex("okm"), Hkdf.derive(c.hex("salt"), c.hex("ikm"), c.hex("info"), length));
    }
}
