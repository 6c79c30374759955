package dev.lifeline.relay.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): 30-second steps, 6 digits,
 * HMAC-SHA1 as authenticator apps use by default. Secrets are shown and stored in Base32.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps either side of now that still count, for clocks a little apart. */
    static final int WINDOW = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** A fresh 160-bit secret in Base32 (what an authenticator app is given). */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** otpauth:// URI for authenticator apps (QR code content). */
    public static String uri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32Secret
                + "&issuer=" + encode(issuer) + "&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The code for Unix time {@code epochSeconds}; {@code algorithm} is a JCE HMAC name such as "HmacSHA1". */
    public static String code(byte[] key, long epochSeconds, int digits, String algorithm) {
        long counter = Math.floorDiv(epochSeconds, STEP_SECONDS);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hmac = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            // RFC 4226 dynamic truncation.
            int offset = hmac[hmac.length - 1] & 0x0f;
            int binary = ((hmac[offset] & 0x7f) << 24) | ((hmac[offset + 1] & 0xff) << 16)
                    | ((hmac[offset + 2] & 0xff) << 8) | (hmac[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from this JDK", e);
        }
    }

    /** Whether {@code code} is right for now (± {@link #WINDOW} steps); compared in constant time. */
    public static boolean verify(String base32Secret, String code, long epochSeconds) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
            return false;
        }
        byte[] key = new Base32().decode(base32Secret.toUpperCase(Locale.ROOT));
        boolean ok = false;
        for (int step = -WINDOW; step <= WINDOW; step++) {
            String expected = code(key, epochSeconds + (long) step * STEP_SECONDS, DIGITS, "HmacSHA1");
            ok |= MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return ok;
    }
}
