package dev.lifeline.client.launch;

import dev.lifeline.client.player.HeadlessPlayer;
import dev.lifeline.client.player.PlaybackException;
import dev.lifeline.client.player.RecordingFetch;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.RecordingKeyPair;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** {@code console --headless --play}: fetch (by session id) or read (a file), verify, print the timeline. */
final class PlayCommand {
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private PlayCommand() {
    }

    static int run(String play, Path keyFile, Path passphraseFile, String relayKeyHex, RelayOptions relay)
            throws IOException {
        if (keyFile == null) {
            System.err.println("error: --play needs --recording-key FILE");
            return 64;
        }
        byte[] pinned = null;
        if (relayKeyHex != null) {
            try {
                pinned = HexFormat.of().parseHex(relayKeyHex.strip());
            } catch (IllegalArgumentException e) {
                System.err.println("error: --relay-signing-key is 64 hex digits");
                return 64;
            }
        }
        char[] passphrase = passphrase(passphraseFile);
        RecordingKeyPair key;
        try {
            key = RecordingKeyPair.loadKeyFile(keyFile, passphrase);
            if (pinned == null) {
                pinned = RecordingKeyPair.pinnedRelaySigningKey(keyFile);
            }
        } catch (IdentityException e) {
            System.err.println("error: recording key " + keyFile + ": " + e.getMessage());
            return 4;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try {
            Path file;
            boolean fetched = SESSION_ID.matcher(play).matches() && !Files.exists(Path.of(play));
            if (fetched) {
                file = Files.createTempFile("lifeline-recording", ".llrec");
                try {
                    RecordingFetch.fetch(relay.endpoint(), play, key, file, Clock.systemUTC(), p -> { });
                } catch (PlaybackException e) {
                    Files.deleteIfExists(file);
                    System.err.println("error: " + e.getMessage());
                    return 1;
                }
            } else {
                file = Path.of(play);
            }
            try {
                return new HeadlessPlayer(System.out, System.err).play(file, key.keyPair(), pinned);
            } finally {
                if (fetched) {
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            key.destroy();
        }
    }

    private static char[] passphrase(Path file) throws IOException {
        if (file != null) {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return new char[0];
        }
        return console.readPassword("Passphrase for the recording key: ");
    }
}
