package dev.lifeline.installer.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The trimmed Java runtime shipped inside Get Help and Console: the JDK modules the apps use
 * (found with jdeps, plus service providers jdeps cannot see) and JavaFX, linked with jlink.
 *
 * <p>JavaFX comes from Maven as modular jars that carry their native libraries as resources;
 * jlink keeps those inside the module image, where JavaFX would extract them to the user's home
 * on first start. Copying them to the runtime's {@code lib} directory lets JavaFX load them in
 * place, keeps the home directory clean and lets jpackage see them when it computes the
 * package's dependencies.
 *
 * <p>jlink also writes the class data sharing archive of the runtime's own classes
 * ({@code --generate-cds-archive}); without it a linked runtime starts with no CDS at all, and
 * Get Help's start-up costs about a third more CPU. That plugin runs the new runtime's
 * {@code bin/java}, so the native commands stay in.
 */
final class RuntimeImage {
    /**
     * JDK modules: jdeps lists base, desktop (AWT Robot, ImageIO), logging, management, naming
     * and sql (logback, protobuf), jfr and unsupported (Netty); jdk.crypto.ec is the provider of
     * the relay's ECDSA certificate and TLS key exchange, which jdeps cannot see; jdk.localedata
     * formats dates and numbers in the five UI languages.
     */
    static final List<String> JDK_MODULES = List.of("java.base", "java.desktop", "java.logging", "java.management",
            "java.naming", "java.sql", "jdk.crypto.ec", "jdk.jfr", "jdk.localedata", "jdk.unsupported");
    static final List<String> JAVAFX_MODULES = List.of("javafx.base", "javafx.graphics", "javafx.controls");
    static final String LOCALES = "en,de,es,nl,ro";

    private RuntimeImage() {
    }

    /**
     * Links the runtime into {@code output} (replaced if present) from the JavaFX platform jars in
     * {@code javafxJars}.
     */
    static Path link(List<Path> javafxJars, Path output, HostSystem host) throws IOException {
        FileTrees.deleteTree(output);
        Files.createDirectories(output.getParent());
        List<String> modules = new ArrayList<>(JDK_MODULES);
        modules.addAll(JAVAFX_MODULES);
        List<String> command = new ArrayList<>(List.of(Commands.jdkTool("jlink"),
                "--module-path", String.join(java.io.File.pathSeparator, javafxJars.stream().map(Path::toString).toList()),
                "--add-modules", String.join(",", modules),
                "--include-locales=" + LOCALES,
                "--strip-debug", "--no-man-pages", "--no-header-files",
                "--compress=2", "--generate-cds-archive",
                "--output", output.toString()));
        Commands.run(command);
        Path nativeDir = output.resolve(host == HostSystem.WINDOWS ? "bin" : "lib");
        for (Path jar : javafxJars) {
            copyNativeLibraries(jar, nativeDir);
        }
        return output;
    }

    private static void copyNativeLibraries(Path jar, Path nativeDir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("/") || !isNativeLibrary(name) || name.contains("gtk2")) {
                    // GTK 2 glass is only a fallback for systems without GTK 3; leaving it out
                    // keeps GTK 2 out of the package's dependencies.
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, nativeDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isNativeLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
    }
}
