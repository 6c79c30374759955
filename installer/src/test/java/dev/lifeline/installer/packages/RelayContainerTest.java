package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's container image, built from the Dockerfile and tarball in the packages folder exactly
 * as the docs tell an administrator ({@code docker build}), then used: first start with
 * {@code init} in a volume, a technician issued, the relay run, and a session of the packaged
 * apps through it. Podman stands in for Docker (this machine has no Docker engine), and a Debian
 * image with Java 17 for eclipse-temurin (no registry is reachable): the Dockerfile takes its base
 * as the {@code BASE_IMAGE} build argument.
 */
@Tag("packages")
class RelayContainerTest {
    static final Duration BUILD = Duration.ofMinutes(10);
    static final Duration STEP = Duration.ofMinutes(2);
    static final String IMAGE = "localhost/lifeline-relay:test";
    static final String DATA = "/var/lib/lifeline-relay";
    static final String PASSPHRASE = "correct horse battery staple\n";

    @TempDir
    static Path work;

    @BeforeAll
    static void buildImage() throws Exception {
        assumeTrue(Podman.available(), "needs root, podman, runc and debootstrap (.ci/setup installs them)");
        String base = Podman.jreBaseImage(work);
        Podman.check(BUILD, "", "build", "--network", "host", "--build-arg", "BASE_IMAGE=" + base, "-t", IMAGE,
                DebPackage.packagesDir().toString());
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (Podman.available()) {
            Podman.run(STEP, "", "rmi", "-f", IMAGE);
        }
    }

    @Test
    void imageRunsTheRelayAsItsOwnUserWithDataInAVolume() throws Exception {
        String config = Podman.check(STEP, "", "image", "inspect", "--format",
                "{{.Config.User}}|{{json .Config.Volumes}}|{{json .Config.ExposedPorts}}|{{json .Config.Entrypoint}}", IMAGE).strip();
        String[] parts = config.split("\\|");
        assertEquals("lifeline-relay", parts[0], config);
        assertTrue(parts[1].contains("\"" + DATA + "\""), config);
        assertTrue(parts[2].contains("7443/tcp"), config);
        assertEquals("[\"/usr/bin/lifeline-relay\"]", parts[3], config);
        // Same layout as the .deb: the launcher under /usr/bin, the jars under /usr/share, and a
        // data folder only the relay's user may enter.
        String layout = Podman.check(STEP, "", "run", "--rm", "--network", "host", "--entrypoint", "sh", IMAGE, "-c",
                "id -un; stat -c '%U %a' " + DATA + "; test -f /usr/share/lifeline-relay/lifeline-relay.jar && echo jar;"
                        + " /usr/bin/lifeline-relay --version").strip();
        assertEquals("lifeline-relay\nlifeline-relay 750\njar\nLifeline relay " + PackageVersions.mavenVersion(), layout);
    }

    @Test
    void firstStartInAVolumeThenASessionThroughTheContainer(@TempDir Path tmp) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String volume = "lifeline-relay-test-" + suffix;
        String container = "lifeline-relay-test-" + suffix;
        Podman.check(STEP, "", "volume", "create", volume);
        try {
            String init = Podman.check(STEP, PASSPHRASE, "run", "--rm", "-i", "--network", "host", "-v", volume + ":" + DATA,
                    IMAGE, "init", "--data-dir", DATA, "--organisation", "Container Support", "--passphrase-file", "/dev/stdin");
            assertTrue(init.contains("Next steps:"), init);
            Podman.check(STEP, PASSPHRASE, "run", "--rm", "-i", "--network", "host", "-v", volume + ":" + DATA, IMAGE,
                    "tech", "issue", "--data-dir", DATA, "--name", "Robin Container", "--out", DATA + "/robin.identity",
                    "--passphrase-file", "/dev/stdin");
            // The technician's identity and the organisation root leave the volume as an admin would copy them.
            Path volumeOnHost = Path.of(Podman.check(STEP, "", "volume", "inspect", "--format", "{{.Mountpoint}}", volume).strip());
            Path identity = Files.copy(volumeOnHost.resolve("robin.identity"), tmp.resolve("robin.identity"));
            Path organisationRoot = Files.copy(volumeOnHost.resolve("organisation/organisation-ca.crt.pem"),
                    tmp.resolve("organisation-ca.crt.pem"));

            try (PackagedRelay relay = PackagedRelay.attach(Podman.start("run", "--rm", "--name", container,
                    "--network", "host", "-v", volume + ":" + DATA, IMAGE,
                    "run", "--bind", "127.0.0.1", "--port", "0", "--data-dir", DATA))) {
                SessionFromPackagesTest.chatThrough(relay, organisationRoot, identity, "Robin Container (Container Support)", tmp);
            } finally {
                Podman.run(STEP, "", "rm", "-f", container);
            }
        } finally {
            Podman.run(STEP, "", "volume", "rm", "-f", volume);
        }
    }
}
