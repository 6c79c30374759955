package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Console .deb: its own package, launcher, menu entry and icon. */
@Tag("packages")
class ConsoleDebTest {
    @Test
    void consolePackageInstallsARunnableConsole(@TempDir Path root) throws Exception {
        DebPackage deb = DebPackage.find("lifeline-console");
        assertEquals("lifeline-console", deb.field("Package"));
        assertEquals(PackageVersions.debianVersion(), deb.field("Version"));
        assertTrue(deb.depends().contains("libgtk-3-0"), deb.field("Depends"));
        deb.extract(root);
        Path app = root.resolve("opt/lifeline-console");
        assertTrue(Files.isRegularFile(app.resolve("lib/lifeline-console.png")));
        assertTrue(Files.readString(app.resolve("lib/lifeline-console-lifeline-console.desktop")).contains("Name=Lifeline Console"));
        assertFalse(Files.exists(root.resolve("lib/systemd")));

        AppProcess.Result r = AppProcess.run(List.of(app.resolve("bin/lifeline-console").toString(), "--version"),
                Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
        assertEquals("Lifeline " + PackageVersions.mavenVersion(), r.output().strip());
    }
}
