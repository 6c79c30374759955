package dev.lifeline.common.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lifeline.common.identity.TechnicianVerification.Problem;
import dev.lifeline.common.identity.TechnicianVerification.Status;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChainVerifierTest {
    private static final Instant NOW = Instant.now();
    private static final OrganisationCa ACME = OrganisationCa.create("Acme IT");
    private static final TechnicianIdentity DANA = ACME.issueTechnician("Dana", Duration.ofDays(30));

    @Test
    void chainToPinnedRootIsVerified() {
        TechnicianVerification v = CertificateChainVerifier.verify(DANA.certificateChainDer(), ACME.root(), NOW);
        assertEquals(Status.VERIFIED, v.status());
        assertEquals("Dana", v.name());
        assertEquals("Acme IT", v.organisation());
        assertNull(v.detail());
        assertArrayEquals(DANA.publicKey(), v.leafPublicKey());
    }

    @Test
    void leafAloneAlsoChainsToThePinnedRoot() {
        TechnicianVerification v = CertificateChainVerifier.verify(List.of(DANA.certificateChainDer().get(0)), ACME.root(), NOW);
        assertEquals(Status.VERIFIED, v.status());
    }

    @Test
    void otherOrganisationIsUntrustedButNamed() {
        OrganisationCa evil = OrganisationCa.create("Evil Corp");
        TechnicianIdentity mallory = evil.issueTechnician("Mallory", Duration.ofDays(30));
        TechnicianVerification v = CertificateChainVerifier.verify(mallory.certificateChainDer(), ACME.root(), NOW);
        assertEquals(Status.UNTRUSTED, v.status());
        assertEquals(Problem.OTHER_ORGANISATION, v.detail());
        assertEquals("Mallory", v.name());
        assertEquals("Evil Corp", v.organisation());
    }

    @Test
    void lookAlikeCaWithSameNameHasBadSignature() {
        OrganisationCa lookAlike = OrganisationCa.create("Acme IT", new SecureRandom(), NOW);
        TechnicianIdentity fake = lookAlike.issueTechnician("Dana", Duration.ofDays(30));
        TechnicianVerification v = CertificateChainVerifier.verify(fake.certificateChainDer(), ACME.root(), NOW);
        assertEquals(Status.UNTRUSTED, v.status());
        assertEquals(Problem.BAD_SIGNATURE, v.detail());
    }

    @Test
    void expiredLeafIsUntrusted() {
        TechnicianIdentity old = ACME.issueTechnician("Old", Duration.ofDays(1), NOW.minus(Duration.ofDays(10)));
        TechnicianVerification v = CertificateChainVerifier.verify(old.certificateChainDer(), ACME.root(), NOW);
        assertEquals(Status.UNTRUSTED, v.status());
        assertEquals(Problem.EXPIRED, v.detail());
        assertEquals("Old", v.name());
    }

    @Test
    void caCertificateAsLeafIsNotATechnician() {
        TechnicianVerification v = CertificateChainVerifier.verify(List.of(ACME.root().der()), ACME.root(), NOW);
        assertEquals(Problem.NOT_A_TECHNICIAN_CERTIFICATE, v.detail());
    }

    @Test
    void noPinnedRootStillNamesTheTechnician() {
        TechnicianVerification v = CertificateChainVerifier.verify(DANA.certificateChainDer(), null, NOW);
        assertEquals(Status.NO_PINNED_ROOT, v.status());
        assertEquals("Dana", v.name());
        assertArrayEquals(DANA.publicKey(), v.leafPublicKey());
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(Problem.MALFORMED, CertificateChainVerifier.verify(List.of(), ACME.root(), NOW).detail());
        TechnicianVerification v = CertificateChainVerifier.verify(List.of(new byte[] {1, 2, 3}), ACME.root(), NOW);
        assertEquals(Status.UNTRUSTED, v.status());
        assertEquals(Problem.MALFORMED, v.detail());
        assertNull(v.leafPublicKey());
    }
}
