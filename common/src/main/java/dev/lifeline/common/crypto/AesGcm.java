package dev.lifeline.common.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK {@link Cipher}: the JDK's implementation uses AES-NI/CLMUL where
 * the CPU has them, Bouncy Castle's lightweight GCM does not. 96-bit nonces, 128-bit tags only.
 */
public final class AesGcm {
    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private AesGcm() {
    }

    /** Returns ciphertext || tag. The caller guarantees the nonce is never reused under a key. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // Only reachable with a broken JDK: the parameters were checked above.
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens ciphertext || tag; a wrong key, nonce, associated data or tag fails the same way. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext)
            throws AEADBadTagException {
        if (ciphertext.length < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256-GCM key must be 32 bytes");
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("AES-GCM nonce must be 12 bytes");
        }
        // A fresh Cipher per call: the JDK refuses to re-init GCM encryption with the same key and
        // nonce, and Cipher objects are not thread-safe anyway.
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        if (associatedData != null && associatedData.length > 0) {
            cipher.updateAAD(associatedData);
        }
        return cipher;
    }
}
