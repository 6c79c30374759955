package dev.lifeline.common.session;

import dev.lifeline.common.handshake.HandshakeFailedException;
import java.util.Optional;

/** Why an end-to-end session stopped: the kind, a message fit for a log, and the typed cause. */
public record EndToEndFailure(Kind kind, String message, Exception cause) {
    public enum Kind {
        /** The handshake failed: wrong code, bad signature, tampering. */
        HANDSHAKE,
        /** A sealed message was replayed, reordered or tampered with. */
        REJECTED_MESSAGE,
        /** The peer broke the framing or sequence rules. */
        PROTOCOL
    }

    /** The handshake failure, when that is what this is. */
    public Optional<HandshakeFailedException> handshakeFailure() {
        return cause instanceof HandshakeFailedException h ? Optional.of(h) : Optional.empty();
    }
}
