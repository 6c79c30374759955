package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The .rpm of each app (built where rpmbuild is installed): metadata, and the unpacked app runs. */
@Tag("packages")
class RpmPackagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"lifeline-gethelp", "lifeline-console"})
    void rpmCarriesARunnableApp(String name, @TempDir Path root) throws Exception {
        Path rpm;
        try (Stream<Path> files = Files.list(DebPackage.packagesDir())) {
            rpm = files.filter(p -> p.getFileName().toString().startsWith(name + "-") && p.toString().endsWith(".rpm"))
                    .findFirst().orElse(null);
        }
        assumeTrue(rpm != null, "no .rpm built (rpmbuild not installed)");
        AppProcess.Result info = AppProcess.run(List.of("rpm", "-qp", "--queryformat",
                "%{NAME} %{VERSION} %{RELEASE} %{ARCH}\n", rpm.toString()), Duration.ofSeconds(60));
        assertEquals(0, info.exit(), info.output());
        assertEquals(name + " " + PackageVersions.packageVersion() + " 1 x86_64", info.output().strip());

        if (name.equals("lifeline-gethelp")) {
            // Get Help's start-up archive: made by %post, removed by %preun only on erase (not on upgrade).
            AppProcess.Result scripts = AppProcess.run(List.of("rpm", "-qp", "--scripts", rpm.toString()), Duration.ofSeconds(60));
            assertTrue(scripts.output().contains("sh /opt/lifeline-gethelp/lib/startup-archive make || :"), scripts.output());
            assertTrue(scripts.output().contains("if [ \"$1\" = 0 ]; then sh /opt/lifeline-gethelp/lib/startup-archive remove || :; fi"),
                    scripts.output());
        }
        AppProcess.Result unpack = AppProcess.run(List.of("sh", "-c",
                "rpm2cpio \"$0\" | (cd \"$1\" && cpio -idm --quiet)", rpm.toString(), root.toString()), Duration.ofSeconds(120));
        assertEquals(0, unpack.exit(), unpack.output());
        Path launcher = root.resolve("opt").resolve(name).resolve("bin").resolve(name);
        assertTrue(Files.isExecutable(launcher), launcher + " in the rpm");
        AppProcess.Result version = AppProcess.run(List.of(launcher.toString(), "--version"), Duration.ofSeconds(60));
        assertEquals(0, version.exit(), version.output());
        assertEquals("Lifeline " + PackageVersions.mavenVersion(), version.output().strip());
    }
}
