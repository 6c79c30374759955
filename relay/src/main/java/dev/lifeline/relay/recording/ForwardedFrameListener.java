package dev.lifeline.relay.recording;

import dev.lifeline.common.wire.relay.Role;

/**
 * Sees every Data frame the relay forwards, in order per direction, and the moments around them
 * that a recording needs (pairing, sealed keys, end). The session recorder plugs in here; tests
 * use it to check what the relay saw. Called on event loops: it must not block, and it must not
 * keep {@code payload} beyond the call unless it copies it (it receives its own copy, so keeping
 * it is allowed but costs memory).
 */
@FunctionalInterface
public interface ForwardedFrameListener {
    ForwardedFrameListener NONE = (sessionId, from, seq, payload) -> { };

    void onForwarded(byte[] sessionId, Role from, long seq, byte[] payload);

    /** Two connections were paired into a session (before any frame of it is forwarded). */
    default void onPaired(byte[] sessionId, String customerName) {
    }

    /** A peer sent its traffic keys sealed to the organisation's recording key (opaque here). */
    default void onSealedKeys(byte[] sessionId, Role from, byte[] sealed) {
    }

    /** The session is over (ended, aborted, or the customer rejected its technician). Once per pairing. */
    default void onSessionEnded(byte[] sessionId) {
    }

    /** Calls {@code first}, then {@code second}. */
    static ForwardedFrameListener both(ForwardedFrameListener first, ForwardedFrameListener second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new ForwardedFrameListener() {
            @Override
            public void onForwarded(byte[] sessionId, Role from, long seq, byte[] payload) {
                first.onForwarded(sessionId, from, seq, payload);
                second.onForwarded(sessionId, from, seq, payload);
            }

            @Override
            public void onPaired(byte[] sessionId, String customerName) {
                first.onPaired(sessionId, customerName);
                second.onPaired(sessionId, customerName);
            }

            @Override
            public void onSealedKeys(byte[] sessionId, Role from, byte[] sealed) {
                first.onSealedKeys(sessionId, from, sealed);
                second.onSealedKeys(sessionId, from, sealed);
            }

            @Override
            public void onSessionEnded(byte[] sessionId) {
                first.onSessionEnded(sessionId);
                second.onSessionEnded(sessionId);
            }
        };
    }
}
