package dev.lifeline.client.session;

/** Starts customer sessions: connect to the relay, get a nameplate, wait for a technician. */
public interface CustomerSessions {
    /** Returns at once; progress arrives through {@code listener}, starting with onCodeReady. */
    CustomerSessionHandle start(String customerName, SessionListener listener);
}
