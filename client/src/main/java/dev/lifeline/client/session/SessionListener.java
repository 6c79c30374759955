package dev.lifeline.client.session;

import dev.lifeline.common.pairing.SessionCode;

/**
 * Events of one session, as a view model or the headless printer sees them. Called on a network
 * thread: a view model hops to the FX thread itself.
 */
public interface SessionListener {
    /** Customer: the relay gave us a nameplate; show this code. Called again after a code is burned. */
    default void onCodeReady(SessionCode code, long expiresAtEpochMs) {
    }

    /** Customer: too many wrong-code attempts; the old code is dead and a new one follows. */
    default void onCodeBurned(int failedAttempts) {
    }

    /** Customer: a technician is connected and the handshake is running. */
    default void onPeerJoined() {
    }

    /** Customer: a technician tried a wrong code; {@code attemptsLeft} before the code is burned. */
    default void onWrongCodeAttempt(int attemptsLeft) {
    }

    /** Both: the end-to-end handshake is complete; everything from now on is sealed. */
    default void onSecured(PeerInfo peer) {
    }

    /**
     * A chat line: each one received, and each of ours once it is sealed and on its way
     * ({@code line.mine()} true). A view may show its own lines earlier and skip the echo.
     */
    default void onChat(ChatLine line) {
    }

    default void onLinkState(LinkState state) {
    }

    /** The session is over; no event follows. */
    default void onEnded(SessionEnd end) {
    }
}
