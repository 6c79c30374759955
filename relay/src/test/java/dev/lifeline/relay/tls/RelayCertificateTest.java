package dev.lifeline.relay.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayCertificateTest {
    @TempDir
    Path tmp;

    @Test
    void createdOnceThenReused() throws Exception {
        Path dir = tmp.resolve("relay-data");
        RelayCertificate first = RelayCertificate.loadOrCreate(dir);
        assertTrue(Files.exists(dir.resolve(RelayCertificate.CERT_FILE)));
        Path key = dir.resolve(RelayCertificate.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("EC", first.certificate().getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", first.certificate().getSigAlgName());

        RelayCertificate again = RelayCertificate.loadOrCreate(dir);
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.privateKey(), again.privateKey());
        assertTrue(first.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), first.fingerprint());
    }
}
