package dev.lifeline.common.handshake;

import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.util.List;

/** The steps every handshake role offers; a session drives them without caring which role. */
public interface Handshake {
    /** This end's first messages. */
    List<HandshakeMessage> start();

    /** Handles one message from the peer; returns what to send back (maybe nothing). */
    List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException;

    boolean isComplete();

    /** The keys and what we learned of the peer; only once complete. */
    HandshakeResult result();

    /** Whether the peer has seen our key confirmation and so could test one guess of the secret. */
    boolean codeAttemptSpent();
}
