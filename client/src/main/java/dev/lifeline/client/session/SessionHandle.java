package dev.lifeline.client.session;

/** A running session. Both methods return at once; the network work happens elsewhere. */
public interface SessionHandle {
    void sendChat(String text);

    /** Ends the session for both ends; the listener gets {@code onEnded(ENDED_BY_ME)}. */
    void end();
}
