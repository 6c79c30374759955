package dev.lifeline.common.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.wire.bundle.BundleContents;
import dev.lifeline.common.wire.bundle.BundleFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationBundleTest {
    static final String PIN = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    final OrganisationCa ca = OrganisationCa.create("ACME Support");

    OrganisationBundle bundle() {
        byte[] recording = new byte[32];
        Arrays.fill(recording, (byte) 7);
        return new OrganisationBundle("ACME Get Help", PNG, "relay.acme.example:7443", PIN, ca.root(), recording, "de",
                Instant.ofEpochMilli(1_790_000_000_000L));
    }

    @Test
    void signedBundleReadsBackFieldForField(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("org.bundle"), bundle().sign(ca));
        OrganisationBundle read = OrganisationBundle.read(file);
        assertEquals(bundle(), read);
        assertEquals("ACME Support", read.organisationRoot().organisation());
        assertEquals(PIN, read.relayFingerprint());
        assertArrayEquals(PNG, read.logoPng());
        assertEquals("de", read.defaultLanguage());
    }

    @Test
    void anyChangedByteOfTheContentsIsRefused() throws Exception {
        byte[] signed = bundle().sign(ca);
        BundleFile file = BundleFile.parseFrom(signed);
        // Point the bundle at another relay but keep the signature: the check must notice.
        BundleContents altered = BundleContents.parseFrom(file.getContents()).toBuilder()
                .setRelayAddress("evil.example:7443").build();
        byte[] forged = file.toBuilder().setContents(altered.toByteString()).build().toByteArray();
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(forged));
        assertTrue(e.getMessage().contains("not signed by the organisation"), e.getMessage());
    }

    @Test
    void aBundleReSignedByAnotherOrganisationNamesThatOrganisation() throws Exception {
        // Someone else's CA can sign a bundle, but only with its own root inside: what Get Help pins is theirs, not ACME's.
        OrganisationCa other = OrganisationCa.create("Mallory Ltd");
        BundleFile file = BundleFile.parseFrom(bundle().sign(ca));
        byte[] resigned = file.toBuilder().setSignature(ByteString.copyFrom(
                other.signDocument(OrganisationBundle.SIGNING_CONTEXT, file.getContents().toByteArray()))).build().toByteArray();
        assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(resigned));
        assertThrows(IllegalArgumentException.class, () -> bundle().sign(other));
    }

    @Test
    void garbageOversizeAndUnknownFormatsAreTypedErrors() throws Exception {
        assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(new byte[] {(byte) 0xff, 1, 2, 3}));
        assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(new byte[OrganisationBundle.MAX_FILE_BYTES + 1]));
        byte[] future = BundleFile.parseFrom(bundle().sign(ca)).toBuilder().setFormat(2).build().toByteArray();
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(future));
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
        assertThrows(InvalidBundleException.class, () -> OrganisationBundle.parse(new byte[0]));
    }

    @Test
    void fieldsOutOfBoundsAreRefusedWhenMade() {
        OrganisationBundle ok = bundle();
        byte[] key = ok.recordingPublicKey();
        Instant t = ok.created();
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("", null, "relay:7443", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("x".repeat(65), null, "relay:7443", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, "relay", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", new byte[OrganisationBundle.MAX_LOGO_BYTES + 1], "relay", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", null, "relay:70000", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", null, "relay host", null, ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", null, "relay", "AB:CD", ca.root(), key, "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", null, "relay", null, ca.root(), new byte[31], "en", t));
        assertThrows(IllegalArgumentException.class, () -> new OrganisationBundle("A", null, "relay", null, ca.root(), key, "fr", t));
        OrganisationBundle noPin = new OrganisationBundle("A", null, "[::1]:7443", "", ca.root(), key, "EN", t);
        assertNull(noPin.relayFingerprint());
        assertEquals("en", noPin.defaultLanguage());
    }
}
