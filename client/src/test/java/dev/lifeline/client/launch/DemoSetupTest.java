package dev.lifeline.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.identity.CertificateChainVerifier;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.identity.TechnicianVerification;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSetupTest {
    @TempDir
    Path dir;

    @Test
    void demoTechnicianLoadsWithoutPassphraseAndIsVerifiedByTheDemoRoot() throws Exception {
        DemoCommand.DemoSetup setup = DemoCommand.DemoSetup.create(dir);
        TechnicianIdentity technician = TechnicianIdentity.load(setup.identityFile(), new char[0]);
        assertEquals(DemoCommand.DEMO_TECHNICIAN, technician.name());
        TechnicianVerification verdict = CertificateChainVerifier.verify(technician.certificateChainDer(), setup.root(), Instant.now());
        assertTrue(verdict.verified(), verdict.toString());
        assertEquals(DemoCommand.DEMO_ORGANISATION, verdict.organisation());
    }
}
