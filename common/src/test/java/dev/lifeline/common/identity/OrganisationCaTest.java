package dev.lifeline.common.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.crypto.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationCaTest {
    private static final char[] PASS = "correct horse".toCharArray();

    @TempDir
    Path dir;

    @Test
    void caSavesEncryptedWithMode600AndLoadsBack() throws Exception {
        OrganisationCa ca = OrganisationCa.create("Acme IT");
        ca.save(dir, PASS);
        Path key = dir.resolve(OrganisationCa.KEY_FILE);
        String keyPem = Files.readString(key);
        assertTrue(keyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), keyPem);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        OrganisationCa loaded = OrganisationCa.load(dir, PASS);
        assertEquals("Acme IT", loaded.organisationName());
        assertEquals(ca.root(), loaded.root());
        TechnicianIdentity tech = loaded.issueTechnician("Dana", Duration.ofDays(30));
        assertEquals(TechnicianVerification.Status.VERIFIED,
                CertificateChainVerifier.verify(tech.certificateChainDer(), ca.root(), Instant.now()).status());
    }

    @Test
    void wrongPassphraseIsTyped() throws Exception {
        OrganisationCa.create("Acme IT").save(dir, PASS);
        assertThrows(WrongPassphraseException.class, () -> OrganisationCa.load(dir, "wrong".toCharArray()));
        assertThrows(WrongPassphraseException.class, () -> OrganisationCa.load(dir, new char[0]));
        assertThrows(IdentityFileNotFoundException.class, () -> OrganisationCa.load(dir.resolve("nope"), PASS));
    }

    @Test
    void issuedTechnicianHasNamesChainAndWorkingKey() {
        OrganisationCa ca = OrganisationCa.create("Acme IT");
        TechnicianIdentity tech = ca.issueTechnician("Dana Scully", Duration.ofDays(90));
        assertEquals("Dana Scully", tech.name());
        assertEquals("Acme IT", tech.organisation());
        List<byte[]> chain = tech.certificateChainDer();
        assertEquals(2, chain.size());
        assertArrayEquals(ca.root().der(), chain.get(1));
        assertTrue(tech.notAfter().isAfter(Instant.now().plus(Duration.ofDays(89))));
        byte[] signature = tech.sign(new byte[] {1, 2, 3});
        assertTrue(Ed25519.verify(tech.publicKey(), new byte[] {1, 2, 3}, signature));
        assertFalse(tech.toString().isEmpty());
    }

    @Test
    void rootLoadsFromPemAndDerWithStableFingerprint() throws Exception {
        OrganisationCa ca = OrganisationCa.create("Acme IT");
        ca.save(dir, PASS);
        OrganisationRoot fromFile = OrganisationRoot.load(dir.resolve(OrganisationCa.CERTIFICATE_FILE));
        OrganisationRoot fromDer = OrganisationRoot.fromDer(ca.root().der());
        assertArrayEquals(fromFile.sha256Fingerprint(), fromDer.sha256Fingerprint());
        assertEquals(32, fromDer.sha256Fingerprint().length);
        assertEquals("Acme IT", fromDer.organisation());
        assertThrows(NotAnIdentityException.class, () -> OrganisationRoot.fromDer(new byte[] {0x30, 0x03, 1, 2, 3}));
        TechnicianIdentity tech = ca.issueTechnician("Dana", Duration.ofDays(1));
        // A technician certificate is not a CA and cannot be pinned as one.
        assertThrows(NotAnIdentityException.class, () -> OrganisationRoot.fromDer(tech.certificateChainDer().get(0)));
    }

    @Test
    void recordingKeySavesAndLoads() throws Exception {
        RecordingKeyPair pair = RecordingKeyPair.create();
        pair.save(dir, PASS);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(RecordingKeyPair.PRIVATE_FILE))));
        assertArrayEquals(pair.publicKey(), RecordingKeyPair.load(dir, PASS).publicKey());
        assertArrayEquals(pair.publicKey(), RecordingKeyPair.loadPublicKey(dir.resolve(RecordingKeyPair.PUBLIC_FILE)));
        assertThrows(WrongPassphraseException.class, () -> RecordingKeyPair.load(dir, "nope".toCharArray()));
    }
}
