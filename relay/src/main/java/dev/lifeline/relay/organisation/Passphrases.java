package dev.lifeline.relay.organisation;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a passphrase from a file (for scripts) or asks for it on the terminal, never echoing it. */
final class Passphrases {
    static final int MIN_LENGTH = 12;

    private Passphrases() {
    }

    /** A passphrase for a new key: asked twice on a terminal, and at least {@link #MIN_LENGTH} characters. */
    static char[] forNewKey(Path file, String what) throws IOException {
        char[] passphrase;
        if (file != null) {
            passphrase = fromFile(file);
        } else {
            Console console = requireConsole(what);
            passphrase = console.readPassword("Passphrase for %s (at least %d characters): ", what, MIN_LENGTH);
            char[] again = console.readPassword("Same passphrase again: ");
            boolean same = Arrays.equals(passphrase, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(passphrase, '\0');
                throw new IllegalArgumentException("the two passphrases differ");
            }
        }
        if (passphrase.length < MIN_LENGTH) {
            Arrays.fill(passphrase, '\0');
            throw new IllegalArgumentException("the passphrase for " + what + " must have at least " + MIN_LENGTH + " characters");
        }
        return passphrase;
    }

    /** The passphrase of an existing key. */
    static char[] forExistingKey(Path file, String what) throws IOException {
        if (file != null) {
            return fromFile(file);
        }
        return requireConsole(what).readPassword("Passphrase for %s: ", what);
    }

    private static Console requireConsole(String what) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the passphrase of " + what + "; use --passphrase-file");
        }
        return console;
    }

    private static char[] fromFile(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return first.toCharArray();
    }
}
