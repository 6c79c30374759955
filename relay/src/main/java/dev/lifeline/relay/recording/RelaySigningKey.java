package dev.lifeline.relay.recording;

import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.recording.RecordingSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The relay's Ed25519 key that signs recording checkpoints and final hashes. Made on first use in
 * {@code DATA_DIR/recording-signing.key} (mode 600, like the TLS key: the relay must run
 * unattended); its public half is in every recording's header and its fingerprint is printed at
 * start, so that a lead can pin it ({@code --relay-signing-key}). It proves which relay wrote a
 * recording and that nothing was changed since; it opens nothing.
 */
public final class RelaySigningKey implements RecordingSigner {
    public static final String FILE = "recording-signing.key";

    private final Ed25519PrivateKeyParameters key;

    private RelaySigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    public static RelaySigningKey loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            byte[] seed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new RelaySigningKey(new Ed25519PrivateKeyParameters(seed, 0));
        }
        Files.createDirectories(dataDir);
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n", StandardCharsets.US_ASCII);
        return new RelaySigningKey(key);
    }

    @Override
    public byte[] publicKey() {
        return key.generatePublicKey().getEncoded();
    }

    @Override
    public byte[] sign(byte[] message) {
        return Ed25519.sign(key, message);
    }

    /** Hex public key: what a lead passes as {@code --relay-signing-key}. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey());
    }

    static String fingerprint(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
