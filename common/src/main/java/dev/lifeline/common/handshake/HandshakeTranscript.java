package dev.lifeline.common.handshake;

import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over the label, the session id and the four handshake messages in fixed role order
 * (customer hello, technician hello, customer round 2, technician round 2), each prefixed with
 * its 4-byte big-endian length so no two different transcripts hash the same bytes.
 */
final class HandshakeTranscript {
    static final byte[] LABEL = "lifeline-handshake-v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] sessionId;
    private HandshakeMessage customerHello;
    private HandshakeMessage technicianHello;
    private HandshakeMessage customerRound2;
    private HandshakeMessage technicianRound2;

    HandshakeTranscript(byte[] sessionId) {
        this.sessionId = sessionId.clone();
    }

    void hello(Role sender, HandshakeMessage message) {
        if (sender == Role.CUSTOMER) {
            customerHello = message;
        } else {
            technicianHello = message;
        }
    }

    void round2(Role sender, HandshakeMessage message) {
        if (sender == Role.CUSTOMER) {
            customerRound2 = message;
        } else {
            technicianRound2 = message;
        }
    }

    byte[] hash() {
        if (customerHello == null || technicianHello == null || customerRound2 == null || technicianRound2 == null) {
            throw new IllegalStateException("transcript incomplete");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update(LABEL);
        update(sha256, sessionId);
        // The bytes are the protobuf encoding of each message as this end holds it; a relay that
        // changes a field (or adds an unknown one) changes the hash and the Finished MACs.
        for (HandshakeMessage message : new HandshakeMessage[] {customerHello, technicianHello, customerRound2, technicianRound2}) {
            update(sha256, message.toByteArray());
        }
        return sha256.digest();
    }

    private static void update(MessageDigest digest, byte[] part) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
        digest.update(part);
    }
}
