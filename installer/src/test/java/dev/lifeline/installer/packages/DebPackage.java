package dev.lifeline.installer.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A built .deb as dpkg sees it: its control fields, and its files unpacked into a folder. */
final class DebPackage {
    private final Path file;

    private DebPackage(Path file) {
        this.file = file;
    }

    /** The one .deb of {@code packageName} in the packages folder of this build. */
    static DebPackage find(String packageName) throws IOException {
        return find(packagesDir(), packageName);
    }

    static DebPackage find(Path dir, String packageName) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().startsWith(packageName + "_")
                    && p.getFileName().toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw new AssertionError("expected one " + packageName + " .deb in " + dir + ", found " + debs);
            }
            return new DebPackage(debs.get(0));
        }
    }

    static Path packagesDir() {
        return Path.of(System.getProperty("lifeline.packages.dir", "target/packages"));
    }

    Path file() {
        return file;
    }

    /** A control field as {@code dpkg-deb -f} prints it. */
    String field(String name) throws IOException, InterruptedException {
        return dpkg("-f", file.toString(), name).strip();
    }

    /** {@code dpkg-deb -I}: the whole control information. */
    String info() throws IOException, InterruptedException {
        return dpkg("-I", file.toString());
    }

    /** A maintainer script or control file ({@code postinst}, {@code conffiles}, ...), or "" if absent. */
    String controlFile(String name) throws IOException, InterruptedException {
        AppProcess.Result r = AppProcess.run(List.of("dpkg-deb", "-I", file.toString(), name), Duration.ofSeconds(60));
        return r.exit() == 0 ? r.output() : "";
    }

    /** {@code dpkg-deb -x} into {@code root}, as installing would place the files. */
    Path extract(Path root) throws IOException, InterruptedException {
        dpkg("-x", file.toString(), root.toString());
        return root;
    }

    private static String dpkg(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        AppProcess.Result r = AppProcess.run(command, Duration.ofSeconds(120));
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r.output());
        }
        return r.output();
    }

    /** The Depends field split into package names (alternatives and versions kept as written). */
    List<String> depends() throws IOException, InterruptedException {
        return Stream.of(field("Depends").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
