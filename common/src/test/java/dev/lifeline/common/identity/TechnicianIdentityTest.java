package dev.lifeline.common.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TechnicianIdentityTest {
    private static final OrganisationCa CA = OrganisationCa.create("Acme IT");

    @TempDir
    Path dir;

    @Test
    void encryptedIdentityRoundTrips() throws Exception {
        TechnicianIdentity tech = CA.issueTechnician("Dana", Duration.ofDays(30));
        Path file = dir.resolve("dana.identity.pem");
        tech.save(file, "pw".toCharArray());
        String pem = Files.readString(file);
        assertTrue(pem.contains("BEGIN CERTIFICATE") && pem.contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        TechnicianIdentity loaded = TechnicianIdentity.load(file, "pw".toCharArray());
        assertEquals("Dana", loaded.name());
        assertEquals("Acme IT", loaded.organisation());
        assertEquals(tech.notAfter(), loaded.notAfter());
        assertArrayEquals(tech.certificateChainDer().get(0), loaded.certificateChainDer().get(0));
        assertArrayEquals(tech.sign(new byte[] {7}), loaded.sign(new byte[] {7}));
    }

    @Test
    void emptyPassphraseWritesPlainKeyStillMode600() throws Exception {
        TechnicianIdentity tech = CA.issueTechnician("Dana", Duration.ofDays(30));
        Path file = dir.resolve("plain.pem");
        tech.save(file, new char[0]);
        assertTrue(Files.readString(file).contains("BEGIN PRIVATE KEY"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("Dana", TechnicianIdentity.load(file, new char[0]).name());
    }

    @Test
    void loadErrorsAreTyped() throws Exception {
        TechnicianIdentity tech = CA.issueTechnician("Dana", Duration.ofDays(1));
        Path file = dir.resolve("dana.pem");
        tech.save(file, "pw".toCharArray());
        assertThrows(WrongPassphraseException.class, () -> TechnicianIdentity.load(file, "bad".toCharArray()));
        assertThrows(IdentityFileNotFoundException.class, () -> TechnicianIdentity.load(dir.resolve("missing.pem"), null));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello, not a certificate\n");
        assertThrows(NotAnIdentityException.class, () -> TechnicianIdentity.load(garbage, null));
        Path rootOnly = Files.writeString(dir.resolve("root.pem"), CA.root().pem());
        assertThrows(NotAnIdentityException.class, () -> TechnicianIdentity.load(rootOnly, null));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertThrows(IdentityExpiredException.class, () -> TechnicianIdentity.load(file, "pw".toCharArray(), later));
    }

    @Test
    void keyOfAnotherIdentityIsRefused() throws Exception {
        TechnicianIdentity dana = CA.issueTechnician("Dana", Duration.ofDays(1));
        TechnicianIdentity fox = CA.issueTechnician("Fox", Duration.ofDays(1));
        Path danaFile = dir.resolve("dana.pem");
        Path foxFile = dir.resolve("fox.pem");
        dana.save(danaFile, new char[0]);
        fox.save(foxFile, new char[0]);
        String danaCerts = Files.readString(danaFile).split("-----BEGIN PRIVATE KEY-----")[0];
        String foxKey = "-----BEGIN PRIVATE KEY-----" + Files.readString(foxFile).split("-----BEGIN PRIVATE KEY-----")[1];
        Path mixed = Files.writeString(dir.resolve("mixed.pem"), danaCerts + foxKey);
        assertThrows(NotAnIdentityException.class, () -> TechnicianIdentity.load(mixed, new char[0]));
    }
}
