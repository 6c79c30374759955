package dev.lifeline.common.identity;

import dev.lifeline.common.crypto.X25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The organisation CA's Ed25519 signature over its recording public key, so that the apps (which
 * pin the CA) seal traffic keys only to a key the organisation chose, never to one a relay made
 * up. Signed message: {@code "lifeline-recording-key-v1" || key}. Stored base64 in
 * {@link #FILE} next to the recording key.
 */
public final class RecordingKeyEndorsement {
    public static final String FILE = "recording.pub.sig";
    private static final byte[] LABEL = "lifeline-recording-key-v1".getBytes(StandardCharsets.US_ASCII);

    private RecordingKeyEndorsement() {
    }

    static byte[] message(byte[] recordingPublicKey) {
        if (recordingPublicKey == null || recordingPublicKey.length != X25519KeyPair.KEY_LENGTH) {
            throw new IllegalArgumentException("a recording key is 32 bytes");
        }
        byte[] message = new byte[LABEL.length + recordingPublicKey.length];
        System.arraycopy(LABEL, 0, message, 0, LABEL.length);
        System.arraycopy(recordingPublicKey, 0, message, LABEL.length, recordingPublicKey.length);
        return message;
    }

    public static void save(Path dir, byte[] endorsement) throws IOException {
        KeyFiles.writePublic(dir.resolve(FILE), Base64.getEncoder().encodeToString(endorsement) + "\n");
    }

    public static byte[] load(Path dir) throws IdentityException {
        Path file = dir.resolve(FILE);
        try {
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            throw new IdentityFileNotFoundException("no such file: " + file, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new NotAnIdentityException("unreadable endorsement " + file, e);
        }
    }
}
