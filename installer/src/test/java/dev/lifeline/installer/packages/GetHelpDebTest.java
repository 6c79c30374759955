package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Get Help .deb as a customer's system installs it: metadata, files, and the app itself. */
@Tag("packages")
class GetHelpDebTest {
    @TempDir
    static Path root;
    static DebPackage deb;
    static Path app;

    @BeforeAll
    static void unpack() throws Exception {
        deb = DebPackage.find("lifeline-gethelp");
        deb.extract(root);
        app = root.resolve("opt/lifeline-gethelp");
    }

    @Test
    void metadataNamesTheAppAndTheLibrariesItNeeds() throws Exception {
        assertEquals("lifeline-gethelp", deb.field("Package"));
        assertEquals(PackageVersions.debianVersion(), deb.field("Version"));
        assertEquals(PackageVersions.hostArchitecture(), deb.field("Architecture"));
        List<String> depends = deb.depends();
        // JavaFX's GTK 3 glass, X11 for capture, xdg-utils for the menu entry; the runtime is inside.
        for (String needed : List.of("libgtk-3-0", "libc6", "libx11-6", "libxtst6", "xdg-utils")) {
            assertTrue(depends.contains(needed), needed + " missing from Depends: " + depends);
        }
        assertFalse(depends.stream().anyMatch(d -> d.contains("gtk2")), "GTK 2 is not needed: " + depends);
        assertFalse(depends.stream().anyMatch(d -> d.contains("jre") || d.contains("java")),
                "Get Help carries its own runtime: " + depends);
        assertTrue(deb.info().contains("Description: Lifeline Get Help"), deb.info());
    }

    @Test
    void launcherRuntimeAndMenuEntryAreInThePackage() throws Exception {
        assertTrue(Files.isExecutable(app.resolve("bin/lifeline-gethelp")));
        assertTrue(Files.isRegularFile(app.resolve("lib/runtime/lib/libglassgtk3.so")), "JavaFX natives in the runtime");
        assertFalse(Files.exists(app.resolve("lib/runtime/lib/libglassgtk2.so")));
        Path desktop;
        try (Stream<Path> files = Files.list(app.resolve("lib"))) {
            desktop = files.filter(p -> p.toString().endsWith(".desktop")).findFirst().orElseThrow();
        }
        String entry = Files.readString(desktop, StandardCharsets.UTF_8);
        assertTrue(entry.contains("Name=Lifeline Get Help"), entry);
        assertTrue(entry.contains("Exec=/opt/lifeline-gethelp/bin/lifeline-gethelp"), entry);
        assertTrue(entry.contains("Icon=/opt/lifeline-gethelp/lib/lifeline-gethelp.png"), entry);
        assertTrue(Files.size(app.resolve("lib/lifeline-gethelp.png")) > 1000, "icon present");
        assertTrue(deb.controlFile("postinst").contains("xdg-desktop-menu install"), "menu entry installed");
        assertTrue(deb.controlFile("prerm").contains("xdg-desktop-menu uninstall"), "menu entry removed on uninstall");
    }

    @Test
    void theCustomersAppCarriesNoRelayAndNoDatabase() throws Exception {
        List<String> jars;
        try (Stream<Path> files = Files.list(app.resolve("lib/app"))) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.contains("lifeline-client.jar") && jars.stream().anyMatch(n -> n.startsWith("lifeline-common-")), jars::toString);
        for (String serverOnly : List.of("lifeline-relay-", "h2-", "postgresql-", "flyway-core-", "HikariCP-")) {
            assertFalse(jars.stream().anyMatch(n -> n.startsWith(serverOnly)), serverOnly + " in Get Help: " + jars);
        }
        String classPath = Files.readString(app.resolve("lib/app/lifeline-gethelp.cfg"), StandardCharsets.UTF_8);
        assertFalse(classPath.contains("lifeline-relay"), classPath);
    }

    @Test
    void attendedOnlyNoServiceNoAutostart() throws Exception {
        // Get Help runs only while the customer has it open: nothing starts it, nothing stays behind.
        assertFalse(Files.exists(root.resolve("lib/systemd")));
        assertFalse(Files.exists(root.resolve("usr/lib/systemd")));
        assertFalse(Files.exists(root.resolve("etc/xdg/autostart")));
        assertFalse(Files.exists(root.resolve("etc/init.d")));
        for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
            String text = deb.controlFile(script);
            assertFalse(text.contains("systemctl") || text.contains("update-rc.d") || text.contains("autostart"),
                    script + " must not register a service: " + text);
        }
    }

    @Test
    void packagedAppPrintsItsVersion() throws Exception {
        AppProcess.Result r = AppProcess.run(List.of(app.resolve("bin/lifeline-gethelp").toString(), "--version"),
                Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
        assertEquals("Lifeline " + PackageVersions.mavenVersion(), r.output().strip());
    }

    @Test
    void runtimeStartsFromATrainedClassDataArchive() throws Exception {
        // The package build trains it by opening Get Help once, which needs a display (see StartupArchive).
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "built without a display: jlink's default archive");
        AppProcess.Result archive = AppProcess.run(List.of(app.resolve("lib/runtime/bin/java").toString(),
                "-Xshare:on", "-XX:+PrintSharedArchiveAndExit"), Duration.ofSeconds(60));
        assertEquals(0, archive.exit(), archive.output());
        for (String windowClass : List.of("javafx.scene.control.Button ", "com.sun.javafx.css.StyleManager ",
                "com.sun.glass.ui.gtk.GtkApplication ")) {
            assertTrue(archive.output().contains(windowClass), windowClass + "missing from the archive");
        }
        // -Xshare:on turns an archive the installed launcher cannot map into an error, not a slow start.
        try (AppProcess launcher = AppProcess.start(List.of(app.resolve("bin/lifeline-gethelp").toString(), "--version"),
                java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"))) {
            assertEquals(0, launcher.awaitExit(Duration.ofSeconds(60)), launcher.output());
        }
    }
}
