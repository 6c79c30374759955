package dev.lifeline.common.handshake;

import dev.lifeline.common.crypto.Hkdf;
import dev.lifeline.common.crypto.TrafficKeys;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * HKDF-SHA256(salt = transcript hash, ikm = X25519 secret || J-PAKE key, info = "lifeline traffic
 * keys v1") split into the customer-to-technician key, the technician-to-customer key and one
 * finished key per role.
 */
final class HandshakeKeySchedule implements Destroyable {
    static final byte[] INFO = "lifeline traffic keys v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY = 32;

    private final byte[] okm;
    private final byte[] transcriptHash;
    private final byte[] sessionId;

    HandshakeKeySchedule(byte[] transcriptHash, byte[] x25519Secret, byte[] pakeKey, byte[] sessionId) {
        byte[] ikm = new byte[x25519Secret.length + pakeKey.length];
        System.arraycopy(x25519Secret, 0, ikm, 0, x25519Secret.length);
        System.arraycopy(pakeKey, 0, ikm, x25519Secret.length, pakeKey.length);
        this.okm = Hkdf.derive(transcriptHash, ikm, INFO, 4 * KEY);
        Arrays.fill(ikm, (byte) 0);
        this.transcriptHash = transcriptHash.clone();
        this.sessionId = sessionId.clone();
    }

    TrafficKeys trafficKeys() {
        byte[] c2t = Arrays.copyOfRange(okm, 0, KEY);
        byte[] t2c = Arrays.copyOfRange(okm, KEY, 2 * KEY);
        try {
            return new TrafficKeys(c2t, t2c, sessionId);
        } finally {
            Arrays.fill(c2t, (byte) 0);
            Arrays.fill(t2c, (byte) 0);
        }
    }

    /** HMAC-SHA256(finished key of {@code role}, transcript hash). */
    byte[] finishedMac(Role role) {
        int offset = role == Role.CUSTOMER ? 2 * KEY : 3 * KEY;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(okm, offset, KEY, "HmacSHA256"));
            return mac.doFinal(transcriptHash);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, so a relay cannot learn the expected MAC byte by byte. */
    boolean checkFinishedMac(Role role, byte[] received) {
        return MessageDigest.isEqual(finishedMac(role), received);
    }

    byte[] transcriptHash() {
        return transcriptHash.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(okm, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return false;
    }
}
