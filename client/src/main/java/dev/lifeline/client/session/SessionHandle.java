package dev.lifeline.client.session;

/** A running session. Both methods return at once; the network work happens elsewhere. */
public interface SessionHandle {
    void sendChat(String text);

    /**
     * Ends the session for both ends. The listener always gets {@code onEnded(ENDED_BY_ME)}, at
     * once, even when the network is down (the relay then ends it for the peer after the grace period).
     */
    void end();
}
