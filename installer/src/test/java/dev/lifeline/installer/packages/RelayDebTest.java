package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay .deb an administrator installs: a systemd service under its own user, data in /var/lib. */
@Tag("packages")
class RelayDebTest {
    @TempDir
    static Path root;
    static DebPackage deb;

    @BeforeAll
    static void unpack() throws Exception {
        deb = DebPackage.find("lifeline-relay");
        deb.extract(root);
    }

    @Test
    void metadataDependsOnTheSystemsJava17() throws Exception {
        assertEquals("lifeline-relay", deb.field("Package"));
        assertEquals(PackageVersions.packageVersion(), deb.field("Version"));
        assertEquals("all", deb.field("Architecture"));
        List<String> depends = deb.depends();
        assertTrue(depends.stream().anyMatch(d -> d.startsWith("default-jre-headless (>= 2:1.17)")
                && d.contains("openjdk-17-jre-headless")), "Java 17 runtime: " + depends);
        assertTrue(depends.contains("adduser"), "postinst creates the user: " + depends);
        assertEquals("/etc/default/lifeline-relay", deb.controlFile("conffiles").strip());
    }

    @Test
    void systemdUnitRunsHardenedUnderItsOwnUser() throws Exception {
        String unit = Files.readString(root.resolve("lib/systemd/system/lifeline-relay.service"), StandardCharsets.UTF_8);
        for (String line : List.of("User=lifeline-relay", "Group=lifeline-relay",
                "ExecStart=/usr/bin/lifeline-relay run --data-dir /var/lib/lifeline-relay $LIFELINE_RELAY_OPTS",
                "EnvironmentFile=-/etc/default/lifeline-relay", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "ReadWritePaths=/var/lib/lifeline-relay", "CapabilityBoundingSet=",
                "WantedBy=multi-user.target")) {
            assertTrue(unit.lines().anyMatch(line::equals), "unit lacks " + line + ":\n" + unit);
        }
        assertTrue(Files.readString(root.resolve("etc/default/lifeline-relay")).contains("LIFELINE_RELAY_OPTS="));
    }

    @Test
    void systemdAcceptsTheUnitAndRatesItsExposureLow() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze not installed");
        Path unit = root.resolve("lib/systemd/system/lifeline-relay.service");
        // verify also complains that /usr/bin/lifeline-relay is not installed on this machine; a
        // misspelt or unknown directive would show here as "Unknown key" or "Unknown section".
        AppProcess.Result verify = AppProcess.run(List.of("systemd-analyze", "verify", "--man=no", unit.toString()),
                Duration.ofSeconds(60));
        assertFalse(verify.output().contains("Unknown") || verify.output().contains("Failed to parse"), verify.output());
        // systemd's own scoring of the sandbox (0 locked down, 10 fully exposed; the threshold is in tenths): at most 2.5.
        AppProcess.Result security = AppProcess.run(List.of("systemd-analyze", "security", "--offline=yes",
                "--threshold=25", unit.toString()), Duration.ofSeconds(60));
        assertEquals(0, security.exit(), security.output());
        assertTrue(security.output().contains("Overall exposure level for lifeline-relay.service"), security.output());
    }

    @Test
    void maintainerScriptsCreateTheUserAndStopTheServiceOnRemoval() throws Exception {
        String postinst = deb.controlFile("postinst");
        assertTrue(postinst.contains("adduser --system --group --home /var/lib/lifeline-relay"), postinst);
        assertTrue(postinst.contains("chown lifeline-relay:lifeline-relay /var/lib/lifeline-relay"), postinst);
        assertTrue(postinst.contains("chmod 0750 /var/lib/lifeline-relay"), postinst);
        assertTrue(deb.controlFile("prerm").contains("systemctl stop lifeline-relay.service"));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = Files.writeString(root.resolveSibling(root.getFileName() + "-" + script), deb.controlFile(script));
            AppProcess.Result syntax = AppProcess.run(List.of("sh", "-n", file.toString()), Duration.ofSeconds(30));
            assertEquals(0, syntax.exit(), script + ": " + syntax.output());
        }
    }

    @Test
    void packagedRelayPrintsItsVersion() throws Exception {
        AppProcess.Result r = AppProcess.run(List.of(root.resolve("usr/bin/lifeline-relay").toString(), "--version"),
                Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
        assertEquals("Lifeline relay " + PackageVersions.mavenVersion(), r.output().strip());
    }
}
