package dev.lifeline.relay.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** RFC 9106 section 5.3: Argon2id test vector (with secret and associated data). */
    @Test
    void rfc9106Argon2idVector() {
        byte[] password = new byte[32];
        Arrays.fill(password, (byte) 0x01);
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) 0x02);
        byte[] secret = new byte[8];
        Arrays.fill(secret, (byte) 0x03);
        byte[] associated = new byte[12];
        Arrays.fill(associated, (byte) 0x04);
        byte[] tag = PasswordHasher.argon2id(password, salt, secret, associated,
                new PasswordHasher.Parameters(32, 3, 4), 32);
        assertArrayEquals(HexFormat.of().parseHex(
                "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
    }

    @Test
    void hashesVerifyTheirPasswordOnlyAndAreSalted() {
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1), new SecureRandom());
        String one = hasher.hash("correct horse battery".toCharArray());
        String two = hasher.hash("correct horse battery".toCharArray());
        assertTrue(one.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), one);
        assertNotEquals(one, two);
        assertTrue(PasswordHasher.verify("correct horse battery".toCharArray(), one));
        assertFalse(PasswordHasher.verify("correct horse batterz".toCharArray(), one));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "$argon2i$v=19$m=1,t=1,p=1$AA$AA"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "garbage"));
    }
}
