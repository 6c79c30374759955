package dev.lifeline.relay.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.bundle.OrganisationBundle;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.relay.RelayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lifeline relay init` as an administrator runs it on a new server, and again later. */
class InitCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute(args);
        return code + "\n" + out;
    }

    @Test
    void firstStartCreatesCertificateOrganisationAndBundleThenPrintsNextSteps() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        String first = run("init", "--data-dir", data.toString(), "--organisation", "ACME Support",
                "--public-address", "relay.acme.example:7443", "--passphrase-file", passphrase.toString());
        assertTrue(first.startsWith("0\n"), first);

        String fingerprint = dev.lifeline.relay.tls.RelayCertificate.loadOrCreate(data).fingerprint();
        assertTrue(first.contains("fingerprint (SHA-256) " + fingerprint), first);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        OrganisationRoot root = OrganisationRoot.load(data.resolve("organisation/organisation-ca.crt.pem"));
        assertEquals("ACME Support", root.organisation());
        assertTrue(first.contains("organisation root SHA-256 " + root.sha256FingerprintHex()), first);

        OrganisationBundle bundle = OrganisationBundle.read(data.resolve("org.bundle"));
        assertEquals("relay.acme.example:7443", bundle.relayAddress());
        assertEquals(fingerprint, bundle.relayFingerprint());
        assertEquals(root, bundle.organisationRoot());
        assertEquals("ACME Support Get Help", bundle.productName());
        assertTrue(Arrays.equals(RecordingKeyPair.loadPublicKey(data.resolve("organisation/recording.pub.pem")),
                bundle.recordingPublicKey()));

        assertTrue(first.contains("[3/4] first administrator"), first);
        assertTrue(first.contains("Next steps:") && first.contains("tech issue --data-dir " + data.toAbsolutePath())
                && first.contains("-Dlifeline.bundle="), first);
    }

    @Test
    void runningAgainKeepsEveryKeyAndSaysSo() throws Exception {
        Path data = dir.resolve("relay");
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        assertTrue(run("init", "--data-dir", data.toString(), "--organisation", "ACME Support",
                "--passphrase-file", passphrase.toString()).startsWith("0\n"));
        byte[] ca = Files.readAllBytes(data.resolve("organisation/organisation-ca.key.pem"));
        byte[] cert = Files.readAllBytes(data.resolve("relay-cert.pem"));

        String again = run("init", "--data-dir", data.toString(), "--organisation", "Other Name",
                "--passphrase-file", passphrase.toString());
        assertTrue(again.startsWith("0\n"), again);
        assertTrue(again.contains("TLS certificate already there") && again.contains("organisation keys already there"), again);
        assertTrue(Arrays.equals(ca, Files.readAllBytes(data.resolve("organisation/organisation-ca.key.pem"))));
        assertTrue(Arrays.equals(cert, Files.readAllBytes(data.resolve("relay-cert.pem"))));
        assertEquals("ACME Support", OrganisationRoot.load(data.resolve("organisation/organisation-ca.crt.pem")).organisation());
    }

    @Test
    void aShortPassphraseOrBadAddressIsRefusedClearly() throws Exception {
        Path shortPass = Files.writeString(dir.resolve("short"), "too short\n");
        String refused = run("init", "--data-dir", dir.resolve("a").toString(), "--organisation", "ACME",
                "--passphrase-file", shortPass.toString());
        assertTrue(refused.contains("at least 12 characters"), refused);
        assertTrue(!Files.exists(dir.resolve("a/organisation/organisation-ca.key.pem")));

        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        String badAddress = run("init", "--data-dir", dir.resolve("b").toString(), "--organisation", "ACME",
                "--public-address", "relay acme", "--passphrase-file", passphrase.toString());
        assertTrue(badAddress.startsWith("64\n") && badAddress.contains("relay address must be host or host:port"), badAddress);
        assertTrue(!Files.exists(dir.resolve("b/org.bundle")));
    }
}
