package dev.lifeline.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/** RFC 9180 vectors (see {@code vectors/hpke-rfc9180.txt} for which, and why AES-256 is checked as it is). */
class HpkeTest {
    private static final VectorFile.Case A11 = VectorFile.load("hpke-rfc9180.txt").get(0);

    @Test
    void derivesTheVectorKeysAndSealsTheVectorCiphertext() throws Exception {
        Hpke hpke = Hpke.withAes128ForVectors();
        AsymmetricCipherKeyPair ephemeral = hpke.raw().deriveKeyPair(A11.hex("ikmE"));
        AsymmetricCipherKeyPair recipient = hpke.raw().deriveKeyPair(A11.hex("ikmR"));
        assertArrayEquals(A11.hex("skEm"), ((X25519PrivateKeyParameters) ephemeral.getPrivate()).getEncoded());
        assertArrayEquals(A11.hex("pkEm"), ((X25519PublicKeyParameters) ephemeral.getPublic()).getEncoded());
        assertArrayEquals(A11.hex("skRm"), ((X25519PrivateKeyParameters) recipient.getPrivate()).getEncoded());
        assertArrayEquals(A11.hex("pkRm"), ((X25519PublicKeyParameters) recipient.getPublic()).getEncoded());

        byte[] sealed = hpke.seal(A11.hex("pkRm"), A11.hex("info"), A11.hex("aad0"), A11.hex("pt"), ephemeral);
        assertArrayEquals(concat(A11.hex("enc"), A11.hex("ct0")), sealed);

        // Our opener with the vector's recipient key.
        byte[] opened = hpke.open(X25519KeyPair.fromPrivateKey(A11.hex("skRm")), A11.hex("info"), A11.hex("aad0"), sealed);
        assertArrayEquals(A11.hex("pt"), opened);

        // The second message of the same context (sequence number 1).
        HPKEContext receiver = hpke.raw().setupBaseR(A11.hex("enc"), recipient, A11.hex("info"));
        assertArrayEquals(A11.hex("pt"), receiver.open(A11.hex("aad0"), A11.hex("ct0")));
        assertArrayEquals(A11.hex("pt"), receiver.open(A11.hex("aad1"), A11.hex("ct1")));
    }

    @Test
    void independentKeyScheduleReproducesTheVectorForAes128() {
        KeySchedule schedule = new KeySchedule(HPKE.aead_AES_GCM128, 16);
        assertArrayEquals(A11.hex("key_schedule_context"), schedule.context(A11.hex("info")));
        assertArrayEquals(A11.hex("secret"), schedule.secret(A11.hex("shared_secret")));
        assertArrayEquals(A11.hex("key"), schedule.key(A11.hex("shared_secret"), A11.hex("info")));
        assertArrayEquals(A11.hex("base_nonce"), schedule.baseNonce(A11.hex("shared_secret"), A11.hex("info")));
    }

    @Test
    void recordingSuiteMatchesAnIndependentAes256KeySchedule() throws Exception {
        // Same KEM as the vector, so the same shared secret; AES-256-GCM key schedule recomputed here.
        Hpke hpke = Hpke.recordingSuite();
        AsymmetricCipherKeyPair ephemeral = hpke.raw().deriveKeyPair(A11.hex("ikmE"));
        byte[] sealed = hpke.seal(A11.hex("pkRm"), A11.hex("info"), A11.hex("aad0"), A11.hex("pt"), ephemeral);
        assertArrayEquals(A11.hex("enc"), Arrays.copyOf(sealed, Hpke.ENC_LENGTH));

        KeySchedule schedule = new KeySchedule(HPKE.aead_AES_GCM256, 32);
        byte[] key = schedule.key(A11.hex("shared_secret"), A11.hex("info"));
        byte[] nonce = schedule.baseNonce(A11.hex("shared_secret"), A11.hex("info"));
        byte[] expected = AesGcm.seal(key, nonce, A11.hex("aad0"), A11.hex("pt"));
        assertArrayEquals(expected, Arrays.copyOfRange(sealed, Hpke.ENC_LENGTH, sealed.length));
        assertArrayEquals(A11.hex("pt"),
                hpke.open(X25519KeyPair.fromPrivateKey(A11.hex("skRm")), A11.hex("info"), A11.hex("aad0"), sealed));
    }

    @Test
    void aWrongKeyOrAlteredByteDoesNotOpen() {
        Hpke hpke = Hpke.recordingSuite();
        X25519KeyPair recipient = X25519KeyPair.generate(new java.security.SecureRandom());
        byte[] sealed = hpke.seal(recipient.publicKey(), new byte[0], new byte[0], "hello".getBytes(StandardCharsets.UTF_8));
        X25519KeyPair other = X25519KeyPair.generate(new java.security.SecureRandom());
        assertThrows(UnsealingFailedException.class, () -> hpke.open(other, new byte[0], new byte[0], sealed));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(UnsealingFailedException.class, () -> hpke.open(recipient, new byte[0], new byte[0], altered));
        assertThrows(UnsealingFailedException.class, () -> hpke.open(recipient, new byte[0], new byte[0], new byte[5]));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** RFC 9180 §5.1 KeySchedule for mode base, written from the text with our own HKDF. */
    private static final class KeySchedule {
        private final byte[] suiteId;
        private final int nk;

        KeySchedule(short aeadId, int nk) {
            this.suiteId = new byte[] {'H', 'P', 'K', 'E', 0x00, 0x20, 0x00, 0x01, 0x00, (byte) aeadId};
            this.nk = nk;
        }

        byte[] labeledExtract(byte[] salt, String label, byte[] ikm) {
            return Hkdf.extract(salt, concat(concat(concat("HPKE-v1".getBytes(StandardCharsets.US_ASCII), suiteId),
                    label.getBytes(StandardCharsets.US_ASCII)), ikm));
        }

        byte[] labeledExpand(byte[] prk, String label, byte[] info, int length) {
            ByteArrayOutputStream labeled = new ByteArrayOutputStream();
            labeled.write(length >> 8);
            labeled.write(length);
            labeled.writeBytes("HPKE-v1".getBytes(StandardCharsets.US_ASCII));
            labeled.writeBytes(suiteId);
            labeled.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            labeled.writeBytes(info);
            return Hkdf.expand(prk, labeled.toByteArray(), length);
        }

        byte[] context(byte[] info) {
            byte[] pskIdHash = labeledExtract(new byte[0], "psk_id_hash", new byte[0]);
            byte[] infoHash = labeledExtract(new byte[0], "info_hash", info);
            return concat(concat(new byte[] {0}, pskIdHash), infoHash);
        }

        byte[] secret(byte[] sharedSecret) {
            return labeledExtract(sharedSecret, "secret", new byte[0]);
        }

        byte[] key(byte[] sharedSecret, byte[] info) {
            return labeledExpand(secret(sharedSecret), "key", context(info), nk);
        }

        byte[] baseNonce(byte[] sharedSecret, byte[] info) {
            return labeledExpand(secret(sharedSecret), "base_nonce", context(info), 12);
        }
    }
}
