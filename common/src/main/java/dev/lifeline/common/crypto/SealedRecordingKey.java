package dev.lifeline.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A session's two traffic keys sealed to the organisation's recording public key (HPKE, see
 * {@link Hpke}). Plaintext: version byte 1, customer-to-technician key (32), technician-to-customer
 * key (32). The HPKE info names the purpose and the associated data is the session id, so a sealed
 * key cannot be moved to another session's recording.
 */
public final class SealedRecordingKey {
    static final byte[] INFO = "lifeline-recording-key-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int PLAINTEXT_LENGTH = 1 + 2 * AesGcm.KEY_LENGTH;
    /** enc + ciphertext + tag: anything else is not one of ours. */
    public static final int LENGTH = Hpke.ENC_LENGTH + PLAINTEXT_LENGTH + AesGcm.TAG_LENGTH;

    private SealedRecordingKey() {
    }

    /** Seals both direction keys of {@code keys} to {@code recordingPublicKey}. */
    public static byte[] seal(TrafficKeys keys, byte[] recordingPublicKey) {
        byte[] c2t = keys.customerToTechnicianKey();
        byte[] t2c = keys.technicianToCustomerKey();
        byte[] plaintext = new byte[PLAINTEXT_LENGTH];
        try {
            plaintext[0] = VERSION;
            System.arraycopy(c2t, 0, plaintext, 1, AesGcm.KEY_LENGTH);
            System.arraycopy(t2c, 0, plaintext, 1 + AesGcm.KEY_LENGTH, AesGcm.KEY_LENGTH);
            return Hpke.recordingSuite().seal(recordingPublicKey, INFO, keys.sessionId(), plaintext);
        } finally {
            Arrays.fill(c2t, (byte) 0);
            Arrays.fill(t2c, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens a sealed key with the recording private key.
     *
     * @throws UnsealingFailedException for another key, another session, or altered bytes
     */
    public static TrafficKeys open(byte[] sealed, X25519KeyPair recordingKey, byte[] sessionId)
            throws UnsealingFailedException {
        if (sealed.length != LENGTH) {
            throw new UnsealingFailedException("a sealed recording key is " + LENGTH + " bytes, not " + sealed.length);
        }
        byte[] plaintext = Hpke.recordingSuite().open(recordingKey, INFO, sessionId, sealed);
        try {
            if (plaintext.length != PLAINTEXT_LENGTH || plaintext[0] != VERSION) {
                throw new UnsealingFailedException("unknown sealed key version");
            }
            return new TrafficKeys(Arrays.copyOfRange(plaintext, 1, 1 + AesGcm.KEY_LENGTH),
                    Arrays.copyOfRange(plaintext, 1 + AesGcm.KEY_LENGTH, PLAINTEXT_LENGTH), sessionId);
        } catch (IllegalArgumentException e) {
            throw new UnsealingFailedException("sealed keys are not a valid key pair: " + e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
