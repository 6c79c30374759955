package dev.lifeline.common.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869). */
public final class Hkdf {
    public static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** HKDF-Extract: a 32-byte pseudorandom key. An empty or null salt means 32 zero bytes. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return new HKDFBytesGenerator(new SHA256Digest()).extractPRK(effectiveSalt, ikm);
    }

    /** HKDF-Expand of a pseudorandom key to {@code length} bytes (at most 255 * 32). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(HKDFParameters.skipExtractParameters(prk, info));
        byte[] okm = new byte[length];
        generator.generateBytes(okm, 0, length);
        return okm;
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            java.util.Arrays.fill(prk, (byte) 0);
        }
    }
}
