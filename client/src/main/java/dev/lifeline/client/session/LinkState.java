package dev.lifeline.client.session;

/** How the connection between the two ends is doing right now. */
public enum LinkState {
    CONNECTED,
    /** Our own connection to the relay dropped; reconnecting with the resume token. */
    RECONNECTING,
    /** The peer's connection dropped; the relay holds the session for the grace period. */
    PEER_AWAY
}
