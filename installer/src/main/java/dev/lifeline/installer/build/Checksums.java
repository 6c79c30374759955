package dev.lifeline.installer.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code FILE.sha256} next to each package, in the format {@code sha256sum -c} checks. */
final class Checksums {
    private Checksums() {
    }

    static Path write(Path file) throws IOException {
        String line = sha256(file) + "  " + file.getFileName() + "\n";
        Path sum = file.resolveSibling(file.getFileName() + ".sha256");
        Files.writeString(sum, line, StandardCharsets.US_ASCII);
        return sum;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
