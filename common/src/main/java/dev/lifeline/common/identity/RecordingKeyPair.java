package dev.lifeline.common.identity;

import dev.lifeline.common.crypto.X25519KeyPair;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.security.auth.Destroyable;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The organisation's X25519 recording key: both ends seal their traffic keys to the public half
 * (HPKE); only support leads holding the private half can play a recording.
 */
public final class RecordingKeyPair implements Destroyable {
    public static final String PUBLIC_FILE = "recording.pub.pem";
    public static final String PRIVATE_FILE = "recording.key.pem";

    private final X25519KeyPair keyPair;

    private RecordingKeyPair(X25519KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static RecordingKeyPair create() {
        return new RecordingKeyPair(X25519KeyPair.generate(new SecureRandom()));
    }

    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    public X25519KeyPair keyPair() {
        return keyPair;
    }

    /** Writes only the public key (SubjectPublicKeyInfo PEM): what a relay needs, with nothing to open recordings. */
    public void savePublic(Path dir) throws IOException {
        SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new X25519PublicKeyParameters(keyPair.publicKey(), 0));
        KeyFiles.writePublic(dir.resolve(PUBLIC_FILE), KeyFiles.pem(new PemObject("PUBLIC KEY", publicInfo.getEncoded())));
    }

    /** Writes the public key (SubjectPublicKeyInfo PEM) and the passphrase-encrypted private key (mode 600). */
    public void save(Path dir, char[] passphrase) throws IOException {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the recording key needs a passphrase");
        }
        SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new X25519PublicKeyParameters(keyPair.publicKey(), 0));
        KeyFiles.writePublic(dir.resolve(PUBLIC_FILE), KeyFiles.pem(new PemObject("PUBLIC KEY", publicInfo.getEncoded())));
        byte[] raw = keyPair.privateKey();
        try {
            KeyFiles.writePrivate(dir.resolve(PRIVATE_FILE), KeyFiles.privateKeyPem(
                    PrivateKeyInfoFactory.createPrivateKeyInfo(new X25519PrivateKeyParameters(raw, 0)), passphrase));
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    public static RecordingKeyPair load(Path dir, char[] passphrase) throws IdentityException {
        return loadKeyFile(dir.resolve(PRIVATE_FILE), passphrase);
    }

    /**
     * Writes only the private key, encrypted with {@code passphrase}, to {@code file} (mode 600):
     * the key file a support lead opens recordings with.
     */
    public void saveKeyFile(Path file, char[] passphrase) throws IOException {
        saveKeyFile(file, passphrase, null);
    }

    /**
     * As {@link #saveKeyFile(Path, char[])}, and pins the relay's recording-signing key (Ed25519,
     * 32 bytes; null for none) in the same file as a second PEM block: the player then refuses a
     * recording signed by another key instead of trusting the one the recording names.
     */
    public void saveKeyFile(Path file, char[] passphrase, byte[] relaySigningKey) throws IOException {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the lead's key file needs a passphrase");
        }
        if (relaySigningKey != null && relaySigningKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("a relay signing key is " + Ed25519PublicKeyParameters.KEY_SIZE + " bytes");
        }
        byte[] raw = keyPair.privateKey();
        try {
            String pem = KeyFiles.privateKeyPem(
                    PrivateKeyInfoFactory.createPrivateKeyInfo(new X25519PrivateKeyParameters(raw, 0)), passphrase);
            if (relaySigningKey != null) {
                pem += KeyFiles.pem(new PemObject("PUBLIC KEY", SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                        new Ed25519PublicKeyParameters(relaySigningKey, 0)).getEncoded()));
            }
            KeyFiles.writePrivate(file, pem);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * The relay recording-signing key pinned in a lead's key file (32 bytes), or null when the
     * file pins none (exported before pinning; the player then takes the recording's own).
     */
    public static byte[] pinnedRelaySigningKey(Path keyFile) throws IdentityException {
        for (Object o : KeyFiles.readPem(keyFile)) {
            if (o instanceof SubjectPublicKeyInfo info) {
                try {
                    if (PublicKeyFactory.createKey(info) instanceof Ed25519PublicKeyParameters key) {
                        return key.getEncoded();
                    }
                } catch (IOException | RuntimeException e) {
                    throw new NotAnIdentityException("unreadable relay signing key in " + keyFile, e);
                }
            }
        }
        return null;
    }

    /**
     * The Ed25519 key a lead signs recording fetches with, derived from the recording private key
     * (HKDF-SHA256, info "lifeline-fetch-recording-v1"): whoever can open recordings can fetch them,
     * and the relay checks against the public half it was given at {@code org init}.
     */
    public org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters fetchSigningKey() {
        byte[] raw = keyPair.privateKey();
        try {
            byte[] seed = dev.lifeline.common.crypto.Hkdf.derive(new byte[0], raw,
                    "lifeline-fetch-recording-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32);
            return new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    public static RecordingKeyPair loadKeyFile(Path file, char[] passphrase) throws IdentityException {
        Object keyObject = KeyFiles.readPem(file).stream().findFirst()
                .orElseThrow(() -> new NotAnIdentityException("no key in " + file));
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(KeyFiles.privateKey(keyObject, passphrase));
            if (key instanceof X25519PrivateKeyParameters x25519) {
                return new RecordingKeyPair(X25519KeyPair.fromPrivateKey(x25519.getEncoded()));
            }
        } catch (IOException | RuntimeException e) {
            throw new NotAnIdentityException("unreadable recording key", e);
        }
        throw new NotAnIdentityException("not an X25519 recording key: " + file);
    }

    /** The 32-byte public key from {@link #PUBLIC_FILE}, for the apps that seal to it. */
    public static byte[] loadPublicKey(Path publicFile) throws IdentityException {
        for (Object o : KeyFiles.readPem(publicFile)) {
            if (o instanceof SubjectPublicKeyInfo info) {
                try {
                    if (PublicKeyFactory.createKey(info) instanceof X25519PublicKeyParameters key) {
                        return key.getEncoded();
                    }
                } catch (IOException | RuntimeException e) {
                    throw new NotAnIdentityException("unreadable public key", e);
                }
            }
        }
        throw new NotAnIdentityException("no X25519 public key in " + publicFile);
    }

    @Override
    public void destroy() {
        keyPair.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return keyPair.isDestroyed();
    }

    @Override
    public String toString() {
        return "RecordingKeyPair[public only]";
    }
}
