package dev.lifeline.common.pairing;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the customer reads to the technician: the relay's nameplate plus a 6-digit secret that
 * the customer app made and the relay never sees. Shown grouped, e.g. {@code 418 · 290 573}.
 */
public final class SessionCode {
    public static final int SECRET_DIGITS = 6;
    private static final Pattern NAMEPLATE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s·.\\-_/]+");

    private final String nameplate;
    private final String secret;

    public SessionCode(String nameplate, String secret) {
        if (!NAMEPLATE.matcher(Objects.requireNonNull(nameplate)).matches()) {
            throw new InvalidSessionCodeException("a nameplate is 1 to 9 digits");
        }
        if (secret.length() != SECRET_DIGITS || !secret.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSessionCodeException("a secret is " + SECRET_DIGITS + " digits");
        }
        this.nameplate = nameplate;
        this.secret = secret;
    }

    /** A fresh secret from the platform's strong random source. */
    public static String newSecret(SecureRandom random) {
        StringBuilder digits = new StringBuilder(SECRET_DIGITS);
        for (int i = 0; i < SECRET_DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /**
     * Parses what a technician typed: the last six digits are the secret, the digits before them
     * the nameplate; spaces, dots, dashes and the middle dot are ignored.
     */
    public static SessionCode parse(String typed) {
        String digits = SEPARATORS.matcher(Objects.requireNonNull(typed).strip()).replaceAll("");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSessionCodeException("a code contains digits only");
        }
        if (digits.length() <= SECRET_DIGITS) {
            throw new InvalidSessionCodeException("the code is too short");
        }
        int split = digits.length() - SECRET_DIGITS;
        return new SessionCode(digits.substring(0, split), digits.substring(split));
    }

    public String nameplate() {
        return nameplate;
    }

    public String secret() {
        return secret;
    }

    /** {@code 418 · 290 573}: nameplate, a middle dot, the secret in two groups of three. */
    public String display() {
        return nameplate + " · " + secret.substring(0, 3) + " " + secret.substring(3);
    }

    /** Never prints the secret: codes must not reach logs. */
    @Override
    public String toString() {
        return "SessionCode[" + nameplate + " · ******]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionCode other && other.nameplate.equals(nameplate) && other.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameplate, secret);
    }
}
