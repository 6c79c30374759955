package dev.lifeline.relay.server;

/** A started relay. {@link #close()} tells every session RELAY_SHUTDOWN and stops the event loops. */
public interface RunningRelay extends AutoCloseable {
    /** The port actually bound (useful with port 0). */
    int port();

    /** SHA-256 fingerprint of the relay certificate, "AB:CD:..." uppercase hex. */
    String certificateFingerprint();

    /** Number of currently paired sessions. */
    int pairedSessions();

    @Override
    void close();
}
