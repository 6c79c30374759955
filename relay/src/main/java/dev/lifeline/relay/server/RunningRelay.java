package dev.lifeline.relay.server;

/** A started relay. {@link #close()} tells every session RELAY_SHUTDOWN and stops the event loops. */
public interface RunningRelay extends AutoCloseable {
    /** The port actually bound (useful with port 0). */
    int port();

    /** SHA-256 fingerprint of the relay certificate, "AB:CD:..." uppercase hex. */
    String certificateFingerprint();

    /** Number of currently paired sessions. */
    int pairedSessions();

    /** Hex Ed25519 key that signs this relay's recordings, when it records (leads pin it). */
    default java.util.Optional<String> recordingSigningKey() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
