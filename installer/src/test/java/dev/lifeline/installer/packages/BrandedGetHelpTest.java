package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.installer.build.Packager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation builds its own Get Help with {@code -Dlifeline.bundle}: the installed app knows
 * the relay, pins its certificate and trusts the organisation's technicians with no option given,
 * and refuses a relay that shows another certificate at that address.
 */
@Tag("packages")
class BrandedGetHelpTest {
    static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void brandedGetHelpConnectsToTheBundlesRelayAndRefusesAnotherCertificate(@TempDir Path tmp) throws Exception {
        Path relayRoot = DebPackage.find("lifeline-relay").extract(tmp.resolve("relay-root"));
        Path consoleRoot = DebPackage.find("lifeline-console").extract(tmp.resolve("console-root"));
        Path relayA = tmp.resolve("relay-a");
        Path identity = PackagedRelay.organisationWithTechnician(relayRoot, relayA, "Branded Support", "Bo Branded");
        int port = freePort();
        Path bundle = tmp.resolve("org.bundle");
        String exported = PackagedRelay.admin(relayRoot, "org", "bundle", "--data-dir", relayA.toString(),
                "--relay", "127.0.0.1:" + port, "--product-name", "Branded Help", "--language", "de",
                "--out", bundle.toString(), "--passphrase-file", PackagedRelay.passphraseFile(relayA).toString());
        assertTrue(exported.contains("Build branded installers: ./mvnw -Ppackage verify -Dlifeline.bundle="), exported);

        // What -Dlifeline.bundle=org.bundle does in the profile, for Get Help alone (reusing the linked runtime).
        Path packages = tmp.resolve("packages");
        List<Path> made = Packager.build(buildOptions(tmp, packages, bundle));
        assertEquals(1, made.size(), made.toString());
        Path root = DebPackage.find(packages, "lifeline-gethelp").extract(tmp.resolve("gethelp-root"));
        Path app = root.resolve("opt/lifeline-gethelp");
        assertTrue(Files.readString(app.resolve("lib/lifeline-gethelp-lifeline-gethelp.desktop")).contains("Name=Branded Help"));
        assertEquals(-1, Files.mismatch(bundle, app.resolve("lib/app/org.bundle")), "the bundle is in the package as exported");
        assertTrue(Files.readString(app.resolve("lib/app/lifeline-gethelp.cfg"), StandardCharsets.UTF_8)
                .contains("-Dlifeline.bundle=$APPDIR/org.bundle"));
        List<String> getHelp = List.of(app.resolve("bin/lifeline-gethelp").toString(), "--headless", "--name", "Casey");
        // A fresh user: nothing saved from an earlier first start.
        Map<String, String> freshUser = Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString());

        String pinnedFingerprint;
        try (PackagedRelay relay = PackagedRelay.start(relayRoot, relayA, port);
             AppProcess customer = AppProcess.start(getHelp, freshUser)) {
            pinnedFingerprint = relay.fingerprint();
            String code = customer.awaitLine(l -> l.startsWith("code: "), STEP).substring("code: ".length());
            try (AppProcess technician = AppProcess.start(List.of(
                    consoleRoot.resolve("opt/lifeline-console/bin/lifeline-console").toString(), "--headless",
                    "--relay", relay.address(), "--fingerprint", relay.fingerprint(),
                    "--identity", identity.toString(), "--join", code))) {
                // No --org-root: the bundle's organisation root makes the technician verified.
                customer.awaitLine("verified: Bo Branded (Branded Support)"::equals, STEP);
                customer.send("/end");
                assertEquals(0, customer.awaitExit(STEP), customer.output());
                assertEquals(0, technician.awaitExit(STEP), technician.output());
            }
        }

        // Someone else answers at the bundle's address with another certificate.
        try (PackagedRelay impostor = PackagedRelay.start(relayRoot, tmp.resolve("relay-b"), port)) {
            assertNotEquals(pinnedFingerprint, impostor.fingerprint());
            try (AppProcess customer = AppProcess.start(getHelp, freshUser)) {
                String ended = customer.awaitLine(l -> l.startsWith("ended: "), STEP);
                assertEquals(3, customer.awaitExit(STEP), customer.output());
                assertTrue(ended.contains("did not present the expected certificate")
                        && ended.contains("does not match the pinned fingerprint"), ended);
                assertFalse(customer.output().contains("code: "), customer.output());
            }
        }
    }

    @Test
    void theBuildRefusesAnAlteredBundle(@TempDir Path tmp) throws Exception {
        Path relayRoot = DebPackage.find("lifeline-relay").extract(tmp.resolve("relay-root"));
        Path data = tmp.resolve("relay");
        PackagedRelay.organisationWithTechnician(relayRoot, data, "Altered Support", "Al");
        Path bundle = tmp.resolve("org.bundle");
        PackagedRelay.admin(relayRoot, "org", "bundle", "--data-dir", data.toString(), "--relay", "relay.example:7443",
                "--out", bundle.toString(), "--passphrase-file", PackagedRelay.passphraseFile(data).toString());
        byte[] bytes = Files.readAllBytes(bundle);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("relay.example", "evil0.example");
        Files.write(bundle, text.getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Packager.build(buildOptions(tmp, tmp.resolve("packages"), bundle)));
        assertTrue(e.getMessage().contains("not signed by the organisation it names"), e.getMessage());
    }

    private static String[] buildOptions(Path tmp, Path packages, Path bundle) {
        return new String[] {
            "--client-target", System.getProperty("lifeline.client.target"),
            "--relay-target", System.getProperty("lifeline.relay.target"),
            "--packaging", System.getProperty("lifeline.packaging"),
            "--work", tmp.resolve("work").toString(),
            "--out", packages.toString(),
            "--version", PackageVersions.mavenVersion(),
            "--bundle", bundle.toString(),
            "--apps", "gethelp",
            "--types", "deb",
            "--fast", "true",
            "--runtime", Path.of(System.getProperty("lifeline.package.work"), "runtime").toString(),
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
