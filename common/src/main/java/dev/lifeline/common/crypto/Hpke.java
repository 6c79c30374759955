package dev.lifeline.common.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM, single shot:
 * what the apps seal their traffic keys with for the organisation's recording key. A thin layer
 * over Bouncy Castle's {@link HPKE}; the output is {@code enc || ciphertext}.
 */
public final class Hpke {
    /** Length of the encapsulated key (an X25519 public key). */
    public static final int ENC_LENGTH = 32;

    private final HPKE hpke;

    private Hpke(short aeadId) {
        this.hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, aeadId);
    }

    /** The suite of recordings: X25519 / HKDF-SHA256 / AES-256-GCM. */
    public static Hpke recordingSuite() {
        return new Hpke(HPKE.aead_AES_GCM256);
    }

    /** Same KEM and KDF with AES-128-GCM: only for RFC 9180 Appendix A.1 vectors in tests. */
    static Hpke withAes128ForVectors() {
        return new Hpke(HPKE.aead_AES_GCM128);
    }

    /** Seals {@code plaintext} to the 32-byte X25519 {@code recipientPublic}; returns enc || ciphertext. */
    public byte[] seal(byte[] recipientPublic, byte[] info, byte[] associatedData, byte[] plaintext) {
        return seal(recipientPublic, info, associatedData, plaintext, null);
    }

    /** With a given ephemeral key pair (test vectors); null draws a fresh one. */
    byte[] seal(byte[] recipientPublic, byte[] info, byte[] associatedData, byte[] plaintext,
                AsymmetricCipherKeyPair ephemeral) {
        AsymmetricKeyParameter recipient;
        try {
            recipient = hpke.deserializePublicKey(recipientPublic);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
        HPKEContextWithEncapsulation context = ephemeral == null
                ? hpke.setupBaseS(recipient, info)
                : hpke.setupBaseS(recipient, info, ephemeral);
        try {
            byte[] enc = context.getEncapsulation();
            byte[] ciphertext = context.seal(associatedData, plaintext);
            byte[] out = Arrays.copyOf(enc, enc.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, enc.length, ciphertext.length);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    /**
     * Opens {@code enc || ciphertext} with the recipient's key pair.
     *
     * @throws UnsealingFailedException when the tag does not verify (wrong key, altered bytes)
     */
    public byte[] open(X25519KeyPair recipient, byte[] info, byte[] associatedData, byte[] sealed)
            throws UnsealingFailedException {
        if (sealed == null || sealed.length < ENC_LENGTH + AesGcm.TAG_LENGTH) {
            throw new UnsealingFailedException("sealed data too short");
        }
        byte[] privateKey = recipient.privateKey();
        try {
            AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(privateKey, recipient.publicKey());
            HPKEContext context = hpke.setupBaseR(Arrays.copyOf(sealed, ENC_LENGTH), pair, info);
            return context.open(associatedData, Arrays.copyOfRange(sealed, ENC_LENGTH, sealed.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new UnsealingFailedException("does not open with this recording key");
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** Bouncy Castle's own object, for the vector tests' DeriveKeyPair. */
    HPKE raw() {
        return hpke;
    }
}
