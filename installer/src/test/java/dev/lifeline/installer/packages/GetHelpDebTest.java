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
            // What the scripts do to the system: the menu entry, and the start-up archive in the app's own folder.
            List<String> actions = commands(text);
            assertTrue(actions.stream().allMatch(c -> c.startsWith("xdg-desktop-menu ") || c.startsWith("xdg-icon-resource ")
                    || c.equals("sh /opt/lifeline-gethelp/lib/startup-archive make || true")
                    || c.equals("sh /opt/lifeline-gethelp/lib/startup-archive remove || true")), script + " does more: " + actions);
        }
        assertTrue(commands(deb.controlFile("postinst")).contains("sh /opt/lifeline-gethelp/lib/startup-archive make || true"));
        // prerm runs on remove and on upgrade (before the new postinst makes the new archive).
        assertTrue(commands(deb.controlFile("prerm")).contains("sh /opt/lifeline-gethelp/lib/startup-archive remove || true"));
    }

    /**
     * The commands a maintainer script runs: its lines without comments, the shell's own
     * structure (case, set, exit, echo of misuse) and the functions jpackage defines for them.
     */
    private static List<String> commands(String script) {
        List<String> commands = new java.util.ArrayList<>();
        int depth = 0;
        for (String raw : script.split("\n")) {
            String line = raw.strip();
            if (line.endsWith("() {") || line.endsWith("()") ) {
                depth++;
                continue;
            }
            if (depth > 0) {
                depth += (line.equals("{") ? 1 : 0) - (line.equals("}") ? 1 : 0);
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("case ") || line.equals("esac") || line.equals(";;")
                    || line.endsWith(")") || line.equals("set -e") || line.startsWith("exit ") || line.startsWith("echo ")) {
                continue;
            }
            commands.add(line);
        }
        return commands;
    }

    @Test
    void packagedAppPrintsItsVersion() throws Exception {
        AppProcess.Result r = AppProcess.run(List.of(app.resolve("bin/lifeline-gethelp").toString(), "--version"),
                Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
        assertEquals("Lifeline " + PackageVersions.mavenVersion(), r.output().strip());
    }

    @Test
    void installTimeArchiveHoldsTheAppsClassesAndTheLauncherUsesIt(@TempDir Path installed) throws Exception {
        // A root of its own: the archive is made, broken and removed here, as the maintainer scripts would.
        deb.extract(installed);
        Path home = installed.resolve("opt/lifeline-gethelp");
        Path launcher = home.resolve("bin/lifeline-gethelp");
        Path archive = home.resolve("lib/app.jsa");
        String cfg = Files.readString(home.resolve("lib/app/lifeline-gethelp.cfg"), StandardCharsets.UTF_8);
        assertTrue(cfg.contains("java-options=-XX:SharedArchiveFile=$APPDIR/../app.jsa"), cfg);
        List<String> packaged = tree(installed);

        // Before postinst (or if it could not make the archive): starts, and says nothing about it.
        assertFalse(Files.exists(archive));
        assertVersionOnly(AppProcess.run(List.of(launcher.toString(), "--version"), Duration.ofSeconds(60)));

        // postinst's step: the archive holds the app's own classes, for this class path.
        AppProcess.Result made = AppProcess.run(List.of("sh", home.resolve("lib/startup-archive").toString(), "make"),
                Duration.ofSeconds(300));
        assertEquals(0, made.exit(), made.output());
        assertEquals("", made.output(), "the step is quiet when it works");
        assertTrue(Files.size(archive) > 1_000_000, "archive made");
        // -Xshare:on: an archive the launcher could not map would be an error here, not a slow start.
        try (AppProcess run = AppProcess.start(List.of(launcher.toString(), "--version"),
                java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"))) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.output());
            for (String appClass : List.of("dev.lifeline.client.GetHelpMain", "dev.lifeline.client.launch.GetHelpCommand",
                    "picocli.CommandLine")) {
                assertTrue(run.output().contains(" " + appClass + " source: shared objects file"),
                        appClass + " not mapped from the archive:\n" + run.output());
            }
        }
        if (System.getenv("DISPLAY") != null) {
            // The package build trained the list by opening Get Help (StartupArchive; it needs a display).
            try (AppProcess listing = AppProcess.start(List.of(launcher.toString()),
                    java.util.Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintSharedArchiveAndExit"))) {
                assertEquals(0, listing.awaitExit(Duration.ofSeconds(60)), listing.output());
                for (String windowClass : List.of("javafx.scene.control.Button ", "com.sun.javafx.css.StyleManager ",
                        "com.sun.glass.ui.gtk.GtkApplication ", "dev.lifeline.client.customer.GetHelpView ")) {
                    assertTrue(listing.output().contains(windowClass), windowClass + "missing from the archive");
                }
            }
        }

        // A jar changed after the dump (a half-done upgrade): Java drops the archive silently.
        Path clientJar = home.resolve("lib/app/lifeline-client.jar");
        Files.setLastModifiedTime(clientJar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(clientJar).toMillis() + 60_000));
        assertVersionOnly(AppProcess.run(List.of(launcher.toString(), "--version"), Duration.ofSeconds(60)));

        // prerm's step: uninstalling leaves exactly what the package brought.
        AppProcess.Result removed = AppProcess.run(List.of("sh", home.resolve("lib/startup-archive").toString(), "remove"),
                Duration.ofSeconds(60));
        assertEquals(0, removed.exit(), removed.output());
        assertEquals(packaged, tree(installed));
    }

    @Test
    void packagedWindowDrawsItsFirstFrame(@TempDir Path config) throws Exception {
        // The window toolkit starts while the command line is parsed (client EarlyToolkit); the
        // window then opens on it as before.
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "needs a display (the suite runs under xvfb-run)");
        try (AppProcess window = AppProcess.start(List.of(app.resolve("bin/lifeline-gethelp").toString(), "--relay", "127.0.0.1:9"),
                java.util.Map.of("LIFELINE_REPORT_FIRST_FRAME", "1", "XDG_CONFIG_HOME", config.toString(),
                        "JAVA_TOOL_OPTIONS", "-Dlifeline.exitAfterFirstFrames=true"))) {
            window.awaitLine(l -> l.startsWith("first-frame: wall-ms="), Duration.ofSeconds(120));
            assertEquals(0, window.awaitExit(Duration.ofSeconds(60)), window.output());
        }
    }

    @Test
    void withADisplayThatIsNotThereItSaysSoAndExits() throws Exception {
        // The early toolkit start fails; the launch must report that, not wait for it forever.
        try (AppProcess window = AppProcess.start(List.of(app.resolve("bin/lifeline-gethelp").toString(), "--relay", "127.0.0.1:9"),
                java.util.Map.of("DISPLAY", ":7919"))) {
            assertEquals(1, window.awaitExit(Duration.ofSeconds(60)), window.output());
            assertTrue(window.output().contains("Unable to open DISPLAY"), window.output());
        }
    }

    private static void assertVersionOnly(AppProcess.Result r) {
        assertEquals(0, r.exit(), r.output());
        assertEquals("Lifeline " + PackageVersions.mavenVersion(), r.output().strip(), "no warning for the customer");
    }

    private static List<String> tree(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
