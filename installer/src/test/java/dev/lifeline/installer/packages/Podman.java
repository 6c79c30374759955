package dev.lifeline.installer.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Podman, driven the way an administrator drives {@code docker}, to build and run the relay's
 * image from its Dockerfile. Set up to work inside a CI sandbox without a Docker engine: as root,
 * with the vfs storage driver (no overlay mounts needed), runc (crun refuses this kernel's hybrid
 * cgroups), no default ulimits (the sandbox refuses setrlimit) and, when running, the host's
 * network.
 */
final class Podman {
    /** A Debian image with Java 17, standing in for {@code eclipse-temurin:17-jre}: no registry is reachable here. */
    static final String JRE_BASE = "localhost/lifeline-test-jre17:bookworm";
    private static final Path CONFIG = writeConfig();

    private Podman() {
    }

    /** Whether this machine can build and run images: root, podman, runc and debootstrap (for the base). */
    static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && Stream.of("podman", "runc", "debootstrap").allMatch(Podman::onPath);
    }

    static AppProcess.Result run(Duration timeout, String input, String... args) throws IOException, InterruptedException {
        return AppProcess.run(command(args), environment(), input, timeout);
    }

    /** Like {@link #run} but fails with podman's output unless it exits 0; returns the output. */
    static String check(Duration timeout, String input, String... args) throws IOException, InterruptedException {
        AppProcess.Result r = run(timeout, input, args);
        if (r.exit() != 0) {
            throw new AssertionError("podman " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.output());
        }
        return r.output();
    }

    /** A long-running podman command (a container in the foreground), its output read line by line. */
    static AppProcess start(String... args) throws IOException {
        return AppProcess.start(command(args), environment());
    }

    /**
     * {@link #JRE_BASE}, made once per machine: a minimal Debian bookworm with
     * openjdk-17-jre-headless (debootstrap from the Debian mirror), imported as an image.
     */
    static String jreBaseImage(Path work) throws IOException, InterruptedException {
        if (run(Duration.ofMinutes(1), "", "image", "exists", JRE_BASE).exit() == 0) {
            return JRE_BASE;
        }
        Path rootfs = work.resolve("jre-base-rootfs");
        String mirror = System.getenv().getOrDefault("LIFELINE_TEST_DEBIAN_MIRROR", "http://deb.debian.org/debian");
        try {
            AppProcess.Result bootstrap = AppProcess.run(List.of("debootstrap", "--variant=minbase",
                    "--include=openjdk-17-jre-headless", "bookworm", rootfs.toString(), mirror), Duration.ofMinutes(15));
            if (bootstrap.exit() != 0) {
                throw new AssertionError("debootstrap of the Java 17 base failed:\n" + bootstrap.output());
            }
            AppProcess.Result imported = AppProcess.run(List.of("sh", "-c",
                    "tar -C \"$1\" -c . | podman " + String.join(" ", globalOptions()) + " import - \"$2\"",
                    "import", rootfs.toString(), JRE_BASE), environment(), "", Duration.ofMinutes(5));
            if (imported.exit() != 0) {
                throw new AssertionError("podman import of the Java 17 base failed:\n" + imported.output());
            }
        } finally {
            deleteTree(rootfs);
        }
        return JRE_BASE;
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(globalOptions());
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> globalOptions() {
        return List.of("--storage-driver", "vfs", "--runtime", "runc");
    }

    private static Map<String, String> environment() {
        return Map.of("CONTAINERS_CONF", CONFIG.toString());
    }

    private static Path writeConfig() {
        try {
            Path file = Files.createTempFile("lifeline-podman", ".conf");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "[containers]\ndefault_ulimits = []\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
