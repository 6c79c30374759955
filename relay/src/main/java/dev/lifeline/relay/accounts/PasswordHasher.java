package dev.lifeline.relay.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106, Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, so the parameters travel with each hash and
 * can be raised later without breaking stored ones. Verification compares in constant time.
 */
public final class PasswordHasher {
    /**
     * OWASP's Argon2id setting (19 MiB, 2 passes, one lane): about a quarter of a second in Bouncy
     * Castle's pure-Java Argon2 on a small server, so a sign-in stays quick and a guess stays dear.
     */
    public static final Parameters DEFAULT = new Parameters(19_456, 2, 1);
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Memory in KiB, passes, lanes. */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {
    }

    private final Parameters parameters;
    private final SecureRandom random;

    public PasswordHasher(Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code phc}; false for a wrong password or an unreadable hash. */
    public static boolean verify(char[] password, String phc) {
        String[] parts = phc.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        Parameters p;
        byte[] salt;
        byte[] expected;
        try {
            String[] kv = parts[3].split(",");
            p = new Parameters(value(kv[0], "m"), value(kv[1], "t"), value(kv[2], "p"));
            salt = B64D.decode(parts[4]);
            expected = B64D.decode(parts[5]);
        } catch (RuntimeException e) {
            return false;
        }
        if (expected.length < 16 || expected.length > 64 || p.memoryKiB() > 1 << 21) {
            return false;
        }
        byte[] actual = argon2id(password, salt, p, expected.length);
        boolean same = MessageDigest.isEqual(actual, expected);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    private static int value(String pair, String key) {
        if (!pair.startsWith(key + "=")) {
            throw new IllegalArgumentException("bad parameter");
        }
        return Integer.parseInt(pair.substring(key.length() + 1));
    }

    static byte[] argon2id(char[] password, byte[] salt, Parameters p, int length) {
        return argon2id(utf8(password), salt, null, null, p, length);
    }

    /** Raw Argon2id with optional secret and associated data (the RFC 9106 test vector uses both). */
    static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associated, Parameters p, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associated != null) {
            builder.withAdditional(associated);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        Arrays.fill(password, (byte) 0);
        return out;
    }

    private static byte[] utf8(char[] password) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
