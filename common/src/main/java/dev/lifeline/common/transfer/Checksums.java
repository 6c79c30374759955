package dev.lifeline.common.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;

/** The two checksums of a transfer: CRC-32C per chunk, SHA-256 over the whole file. */
public final class Checksums {
    public static final int SHA256_BYTES = 32;

    private Checksums() {
    }

    public static int crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        return (int) crc.getValue();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Constant time, so a mismatch tells nothing about where. */
    public static boolean sameDigest(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
