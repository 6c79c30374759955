package dev.lifeline.relay.organisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.identity.CertificateChainVerifier;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.relay.RelayCommand;
import dev.lifeline.relay.recording.RelaySigningKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lifeline relay org init` and `tech issue` as an administrator runs them. */
class OrganisationCommandsTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void orgInitThenTechIssueGivesAnIdentityTheOrganisationRootVerifies() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        assertEquals(0, run("org", "init", "--data-dir", data.toString(), "--organisation", "ACME Support",
                "--passphrase-file", passphrase.toString()));
        Path identityFile = dir.resolve("alice.identity");
        assertEquals(0, run("tech", "issue", "--data-dir", data.toString(), "--name", "Alice Meyer",
                "--out", identityFile.toString(), "--passphrase-file", passphrase.toString()));

        OrganisationRoot root = OrganisationRoot.load(data.resolve("organisation/organisation-ca.crt.pem"));
        TechnicianIdentity alice = TechnicianIdentity.load(identityFile, new char[0]);
        TechnicianVerification verdict = CertificateChainVerifier.verify(alice.certificateChainDer(), root, Instant.now());
        assertTrue(verdict.verified(), verdict.toString());
        assertEquals("Alice Meyer", verdict.name());
        assertEquals("ACME Support", verdict.organisation());
        // The recording key pair opens with the same passphrase (leads use it to play recordings).
        RecordingKeyPair.load(data.resolve("organisation"), "correct horse battery staple".toCharArray());
    }

    @Test
    void theLeadsRecordingKeyFilePinsThisRelaysSigningKey() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        Path leadPassphrase = Files.writeString(dir.resolve("lead-pass"), "the lead's own passphrase\n");
        assertEquals(0, run("org", "init", "--data-dir", data.toString(), "--organisation", "ACME Support",
                "--passphrase-file", passphrase.toString()));
        Path leadKey = dir.resolve("lead.key");
        assertEquals(0, run("org", "recording-key", "--data-dir", data.toString(), "--out", leadKey.toString(),
                "--passphrase-file", passphrase.toString(), "--new-passphrase-file", leadPassphrase.toString()));

        RecordingKeyPair lead = RecordingKeyPair.loadKeyFile(leadKey, "the lead's own passphrase".toCharArray());
        RecordingKeyPair org = RecordingKeyPair.load(data.resolve("organisation"), "correct horse battery staple".toCharArray());
        assertArrayEquals(org.publicKey(), lead.publicKey(), "the organisation's recording key");
        // The key the relay signs recordings with (made here if the relay never ran; the relay then uses it).
        assertArrayEquals(RelaySigningKey.loadOrCreate(data).publicKey(), RecordingKeyPair.pinnedRelaySigningKey(leadKey));
    }

    @Test
    void refusesToReplaceAnOrganisationOrOverwriteAnIdentity() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        assertEquals(0, run("org", "init", "--data-dir", data.toString(), "--organisation", "ACME",
                "--passphrase-file", passphrase.toString()));
        byte[] before = Files.readAllBytes(data.resolve("organisation/organisation-ca.key.pem"));
        assertEquals(1, run("org", "init", "--data-dir", data.toString(), "--organisation", "Other",
                "--passphrase-file", passphrase.toString()));
        assertEquals(new String(before), Files.readString(data.resolve("organisation/organisation-ca.key.pem")));

        Path existing = Files.writeString(dir.resolve("bob.identity"), "keep me");
        assertEquals(1, run("tech", "issue", "--data-dir", data.toString(), "--name", "Bob",
                "--out", existing.toString(), "--passphrase-file", passphrase.toString()));
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void wrongPassphraseIssuesNothing() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "not the passphrase at all\n");
        assertEquals(0, run("org", "init", "--data-dir", data.toString(), "--organisation", "ACME",
                "--passphrase-file", passphrase.toString()));
        Path out = dir.resolve("eve.identity");
        assertTrue(run("tech", "issue", "--data-dir", data.toString(), "--name", "Eve",
                "--out", out.toString(), "--passphrase-file", wrong.toString()) != 0);
        assertTrue(Files.notExists(out));
    }

    @Test
    void shortPassphraseIsRefused() throws Exception {
        Path short_ = Files.writeString(dir.resolve("short"), "abc\n");
        assertTrue(run("org", "init", "--data-dir", dir.resolve("relay").toString(), "--organisation", "ACME",
                "--passphrase-file", short_.toString()) != 0);
        assertTrue(Files.notExists(dir.resolve("relay/organisation/organisation-ca.key.pem")));
    }
}
