package dev.lifeline.relay.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy: NIST SP 800-63B style — long enough, not a known leaked
 * password (or one with digits and symbols tacked on), not the account name, not a run like
 * "aaaa…", "1234…", "abcabc…" or a keyboard row. No composition rules.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final String[] KEYBOARD_ROWS = {
        "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm", "azertyuiop", "abcdefghijklmnopqrstuvwxyz"};
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The reasons {@code password} is refused for account {@code accountName}; empty when it is fine. */
    public static List<String> problems(String accountName, char[] password) {
        List<String> problems = new ArrayList<>();
        if (password.length < MIN_LENGTH) {
            problems.add("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            problems.add("must have at most " + MAX_LENGTH + " characters");
            return problems;
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        String base = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (COMMON.contains(lower) || COMMON.contains(base) || isKnownWordRepeated(base)) {
            problems.add("is a commonly used password found in breaches");
        }
        String name = accountName == null ? "" : accountName.toLowerCase(Locale.ROOT);
        for (String part : name.split("\\s+")) {
            if (part.length() >= 3 && lower.contains(part)) {
                problems.add("must not contain the account name");
                break;
            }
        }
        if (lower.chars().distinct().count() < 5 || isRepeatedUnit(lower)) {
            problems.add("repeats the same few characters");
        } else if (isSequence(lower)) {
            problems.add("is a keyboard or alphabet sequence");
        }
        return problems;
    }

    private static boolean isKnownWordRepeated(String base) {
        for (int unit = 3; unit <= base.length() / 2; unit++) {
            if (base.length() % unit == 0 && base.equals(base.substring(0, unit).repeat(base.length() / unit))
                    && COMMON.contains(base.substring(0, unit))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRepeatedUnit(String s) {
        for (int unit = 1; unit <= 4 && unit < s.length(); unit++) {
            if (s.length() % unit == 0 && s.equals(s.substring(0, unit).repeat(s.length() / unit))) {
                return true;
            }
        }
        return false;
    }

    /** The whole password walks one keyboard row or the alphabet, forwards or backwards, possibly wrapping. */
    private static boolean isSequence(String s) {
        for (String row : KEYBOARD_ROWS) {
            String forwards = row.repeat(1 + s.length() / row.length() + 1);
            String backwards = new StringBuilder(row).reverse().toString().repeat(1 + s.length() / row.length() + 1);
            if (forwards.contains(s) || backwards.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the relay jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
