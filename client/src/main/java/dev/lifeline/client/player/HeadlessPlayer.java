package dev.lifeline.client.player;

import dev.lifeline.common.crypto.X25519KeyPair;
import dev.lifeline.common.recording.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code console --headless --play}: verifies a recording and prints its timeline as lines
 * ({@code chat: …}, {@code consent: …}, {@code screen: …}, {@code frames: N keyframes: K}).
 * Exit 0 when the recording is intact, 1 with the reason when it was altered or cut short (what is
 * intact is still printed) or cannot be opened.
 */
public final class HeadlessPlayer {
    private final PrintStream out;
    private final PrintStream err;

    public HeadlessPlayer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int play(Path file, X25519KeyPair key, byte[] pinnedRelayKey) {
        try (RecordingPlayback playback = RecordingPlayback.open(file, key, pinnedRelayKey, p -> { })) {
            var header = playback.header();
            out.println("recording: " + HexFormat.of().formatHex(header.getSessionId().toByteArray())
                    + " organisation: " + header.getOrganisation()
                    + " customer: " + (header.getCustomerName().isEmpty() ? "-" : header.getCustomerName())
                    + " started: " + Instant.ofEpochMilli(header.getStartedAtMs())
                    + " duration: " + TimelineEvent.clock(playback.durationMs()));
            out.println("relay-signing-key: " + HexFormat.of().formatHex(playback.verification().relaySigningKey()));
            playback.events().forEach(event -> out.println(event.line()));
            out.println("frames: " + playback.screenFrames() + " keyframes: " + playback.keyframes());
            Verification verification = playback.verification();
            out.println("verification: " + verification.detail());
            if (!verification.intact()) {
                err.println("error: recording " + verification.detail());
                return 1;
            }
            if (playback.undecryptable() > 0) {
                err.println("error: " + playback.undecryptable() + " frame(s) do not open with the session keys");
                return 1;
            }
            return 0;
        } catch (PlaybackException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read the recording: " + e.getMessage());
            return 1;
        }
    }
}
