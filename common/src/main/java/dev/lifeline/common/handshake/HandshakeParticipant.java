package dev.lifeline.common.handshake;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.InvalidPeerKeyException;
import dev.lifeline.common.crypto.X25519KeyPair;
import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.wire.e2e.Finished;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import dev.lifeline.common.wire.e2e.PakeRound1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKECurves;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKEParticipant;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound3Payload;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.BigIntegers;

/**
 * The cryptography both ends share: the X25519 ephemeral key, the EC J-PAKE participant and the
 * transcript. The state machines in {@link CustomerHandshake} and {@link TechnicianHandshake}
 * decide when each step may run; this class only does the step.
 *
 * <p>Bouncy Castle's P-256 arithmetic (used by EC J-PAKE) is not constant-time. Every step here
 * costs a few P-256 multiplications (milliseconds): callers run the handshake off the network
 * event loop, and the J-PAKE secret's only exposure is one online guess per handshake, which the
 * three-attempt limit bounds. X25519 (constant-time in BC) carries the forward-secret part.
 */
final class HandshakeParticipant {
    static final int HANDSHAKE_VERSION = 1;
    private static final int PAKE_KEY_LENGTH = 32;

    private final Role role;
    private final byte[] sessionId;
    private final X25519KeyPair ephemeral;
    private final ECJPAKEParticipant pake;
    private final PakeCodec codec = new PakeCodec(ECJPAKECurves.NIST_P256);
    private final HandshakeTranscript transcript;
    private byte[] x25519Secret;
    private BigInteger pakeKeyingMaterial;
    private HandshakeKeySchedule schedule;
    private boolean finishedSent;

    HandshakeParticipant(Role role, String secret6Digits, byte[] sessionId, SecureRandom random) {
        if (secret6Digits == null || !secret6Digits.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("the secret must be exactly 6 digits");
        }
        if (sessionId == null || sessionId.length == 0) {
            throw new IllegalArgumentException("session id required");
        }
        this.role = role;
        this.sessionId = sessionId.clone();
        this.ephemeral = X25519KeyPair.generate(random);
        char[] password = secret6Digits.toCharArray();
        // BC copies the password and wipes its copy once the key is calculated.
        this.pake = new ECJPAKEParticipant(role.participantId(), password, ECJPAKECurves.NIST_P256, new SHA256Digest(), random);
        Arrays.fill(password, '0');
        this.transcript = new HandshakeTranscript(sessionId);
    }

    Role role() {
        return role;
    }

    byte[] x25519Public() {
        return ephemeral.publicKey();
    }

    PakeRound1 round1() {
        return codec.encode(pake.createRound1PayloadToSend());
    }

    void ownHello(HandshakeMessage hello) {
        transcript.hello(role, hello);
    }

    /** Checks the peer Hello's common fields, completes X25519 and validates J-PAKE round 1. */
    void acceptPeerHello(HandshakeMessage hello, int version, ByteString peerX25519, boolean hasRound1, PakeRound1 round1)
            throws HandshakeFailedException {
        if (version != HANDSHAKE_VERSION) {
            // No negotiation: an older or newer peer is refused, never downgraded.
            throw fail(Reason.MALFORMED_MESSAGE, "unsupported handshake version " + version);
        }
        if (!hasRound1) {
            throw fail(Reason.MALFORMED_MESSAGE, "Hello without J-PAKE round 1");
        }
        if (!round1.getParticipantId().equals(role.peer().participantId())) {
            throw fail(Reason.MALFORMED_MESSAGE, "unexpected J-PAKE participant id");
        }
        try {
            x25519Secret = ephemeral.agree(peerX25519.toByteArray());
        } catch (InvalidPeerKeyException e) {
            throw fail(Reason.MALFORMED_MESSAGE, "bad X25519 public key", e);
        } finally {
            ephemeral.destroy();
        }
        try {
            pake.validateRound1PayloadReceived(codec.decode(round1));
        } catch (CryptoException | RuntimeException e) {
            throw fail(Reason.MALFORMED_MESSAGE, "J-PAKE round 1 proof invalid", e);
        }
        transcript.hello(role.peer(), hello);
    }

    HandshakeMessage round2() {
        HandshakeMessage message = HandshakeMessage.newBuilder()
                .setPakeRound2(codec.encode(pake.createRound2PayloadToSend()))
                .build();
        transcript.round2(role, message);
        return message;
    }

    /** Validates the peer's round 2 and derives every key from the now complete transcript. */
    void acceptPeerRound2(HandshakeMessage message) throws HandshakeFailedException {
        if (!message.getPakeRound2().getParticipantId().equals(role.peer().participantId())) {
            throw fail(Reason.MALFORMED_MESSAGE, "unexpected J-PAKE participant id");
        }
        byte[] pakeKey;
        try {
            pake.validateRound2PayloadReceived(codec.decode(message.getPakeRound2()));
            pakeKeyingMaterial = pake.calculateKeyingMaterial();
            pakeKey = BigIntegers.asUnsignedByteArray(PAKE_KEY_LENGTH, pakeKeyingMaterial);
        } catch (CryptoException | RuntimeException e) {
            throw fail(Reason.MALFORMED_MESSAGE, "J-PAKE round 2 invalid", e);
        }
        transcript.round2(role.peer(), message);
        schedule = new HandshakeKeySchedule(transcript.hash(), x25519Secret, pakeKey, sessionId);
        Arrays.fill(pakeKey, (byte) 0);
        Arrays.fill(x25519Secret, (byte) 0);
    }

    byte[] transcriptHash() {
        return schedule.transcriptHash();
    }

    HandshakeKeySchedule schedule() {
        return schedule;
    }

    /** Own Finished without signature; from here on the peer can test one guess of the secret. */
    Finished.Builder finished() {
        BigInteger tag = pake.createRound3PayloadToSend(pakeKeyingMaterial).getMacTag();
        finishedSent = true;
        return Finished.newBuilder()
                .setPakeMacTag(ByteString.copyFrom(macTagBytes(tag)))
                .setFinishedMac(ByteString.copyFrom(schedule.finishedMac(role)));
    }

    /** J-PAKE key confirmation first: it is the check that tells a wrong code from tampering. */
    void checkPeerFinished(Finished finished) throws HandshakeFailedException {
        if (finished.getPakeMacTag().size() != PAKE_KEY_LENGTH || finished.getFinishedMac().size() != 32) {
            throw fail(Reason.MALFORMED_MESSAGE, "Finished fields have wrong lengths");
        }
        try {
            // BC compares the tags as BigIntegers (not constant-time); the tag is a one-shot
            // HMAC under a fresh key, so there is nothing to learn by timing it.
            pake.validateRound3PayloadReceived(new ECJPAKERound3Payload(role.peer().participantId(),
                    new BigInteger(finished.getPakeMacTag().toByteArray())), pakeKeyingMaterial);
        } catch (CryptoException | RuntimeException e) {
            throw fail(Reason.WRONG_CODE, "J-PAKE key confirmation failed", e);
        }
        if (!schedule.checkFinishedMac(role.peer(), finished.getFinishedMac().toByteArray())) {
            throw fail(Reason.BAD_FINISHED_MAC, "transcripts differ");
        }
    }

    /**
     * BC builds the MacTag as {@code new BigInteger(hmacOutput)}, a signed value that is negative
     * half the time. Sending its 32-byte two's complement puts the raw HMAC on the wire, and
     * {@code new BigInteger(bytes)} on the other end restores exactly the same value.
     */
    static byte[] macTagBytes(BigInteger tag) {
        byte[] twosComplement = tag.toByteArray();
        byte[] out = new byte[PAKE_KEY_LENGTH];
        Arrays.fill(out, tag.signum() < 0 ? (byte) 0xff : 0);
        int length = Math.min(twosComplement.length, PAKE_KEY_LENGTH);
        System.arraycopy(twosComplement, twosComplement.length - length, out, PAKE_KEY_LENGTH - length, length);
        return out;
    }

    boolean finishedSent() {
        return finishedSent;
    }

    HandshakeFailedException fail(Reason reason, String detail) {
        return new HandshakeFailedException(reason, detail, finishedSent);
    }

    HandshakeFailedException fail(Reason reason, String detail, Throwable cause) {
        return new HandshakeFailedException(reason, detail, finishedSent, cause);
    }

    void destroy() {
        ephemeral.destroy();
        if (x25519Secret != null) {
            Arrays.fill(x25519Secret, (byte) 0);
        }
        if (schedule != null) {
            schedule.destroy();
        }
        pakeKeyingMaterial = null;
    }
}
