package dev.lifeline.common.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** An X25519 (RFC 7748) key pair; the ephemeral half of the handshake and the recording key. */
public final class X25519KeyPair implements Destroyable {
    public static final int KEY_LENGTH = 32;

    private final byte[] privateKey;
    private final byte[] publicKey;
    private boolean destroyed;

    private X25519KeyPair(X25519PrivateKeyParameters privateParams) {
        this.privateKey = privateParams.getEncoded();
        this.publicKey = privateParams.generatePublicKey().getEncoded();
    }

    public static X25519KeyPair generate(SecureRandom random) {
        return new X25519KeyPair(new X25519PrivateKeyParameters(Objects.requireNonNull(random)));
    }

    /** Rebuilds a pair from its 32-byte private scalar (stored recording keys, test vectors). */
    public static X25519KeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 private key must be 32 bytes");
        }
        return new X25519KeyPair(new X25519PrivateKeyParameters(privateKey, 0));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The raw private scalar, for saving under a passphrase; the caller wipes the copy. */
    public byte[] privateKey() {
        checkLive();
        return privateKey.clone();
    }

    /**
     * Diffie-Hellman with the peer's public key. An all-zero result means the peer sent a
     * low-order point (RFC 7748 §6.1) and contributes nothing to the secret, so it is refused.
     */
    public byte[] agree(byte[] peerPublic) throws InvalidPeerKeyException {
        checkLive();
        if (peerPublic == null || peerPublic.length != KEY_LENGTH) {
            throw new InvalidPeerKeyException("X25519 public key must be 32 bytes");
        }
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(new X25519PrivateKeyParameters(privateKey, 0));
        byte[] shared = new byte[KEY_LENGTH];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
        } catch (IllegalStateException allZero) {
            // Bouncy Castle already refuses the all-zero result; keep our own typed error for it.
            throw new InvalidPeerKeyException("X25519 shared secret is all zero (low-order peer key)");
        }
        if (MessageDigest.isEqual(shared, new byte[KEY_LENGTH])) {
            throw new InvalidPeerKeyException("X25519 shared secret is all zero (low-order peer key)");
        }
        return shared;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("key pair destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "X25519KeyPair[public only]";
    }
}
