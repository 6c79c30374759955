package dev.lifeline.relay.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (8 digits; seeds are the ASCII strings of the RFC). */
class TotpTest {
    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826",
    })
    void rfc6238Vectors(long time, String sha1, String sha256, String sha512) {
        assertEquals(sha1, Totp.code(SHA1_SEED, time, 8, "HmacSHA1"));
        assertEquals(sha256, Totp.code(SHA256_SEED, time, 8, "HmacSHA256"));
        assertEquals(sha512, Totp.code(SHA512_SEED, time, 8, "HmacSHA512"));
    }

    @Test
    void verifyAcceptsTheCurrentAndNeighbouringStepsOnly() {
        String secret = Totp.newSecret(new SecureRandom());
        byte[] key = new Base32().decode(secret);
        long now = 1_700_000_000L;
        assertTrue(Totp.verify(secret, Totp.code(key, now, 6, "HmacSHA1"), now));
        assertTrue(Totp.verify(secret, Totp.code(key, now - 30, 6, "HmacSHA1"), now));
        assertTrue(Totp.verify(secret, Totp.code(key, now + 30, 6, "HmacSHA1"), now));
        assertFalse(Totp.verify(secret, Totp.code(key, now - 90, 6, "HmacSHA1"), now));
        assertFalse(Totp.verify(secret, "12345", now));
        assertFalse(Totp.verify(secret, null, now));
    }
}
