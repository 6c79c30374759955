package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's distribution. Administrators run it on a server with the system's Java (security
 * updates come with the distribution), so it carries no runtime of its own:
 * <ul>
 *   <li>{@code lifeline-relay-VERSION.tar.gz}: {@code bin/lifeline-relay} and
 *       {@code share/lifeline-relay/} (the runnable jar, its lib/, the systemd unit), to unpack
 *       under {@code /usr/local} or anywhere;
 *   <li>{@code lifeline-relay_VERSION_all.deb}: the same files under {@code /usr}, the systemd unit
 *       {@code lifeline-relay.service}, a {@code lifeline-relay} system user made by postinst and
 *       data in {@code /var/lib/lifeline-relay};
 *   <li>{@code Dockerfile} (+ {@code .dockerignore}): an image with the same layout, built from the
 *       tarball next to it.
 * </ul>
 */
final class RelayPackages {
    static final String JAR = "lifeline-relay.jar";

    private final PackagerOptions options;

    RelayPackages(PackagerOptions options) {
        this.options = options;
    }

    List<Path> build() throws IOException {
        List<Path> made = new ArrayList<>();
        Path tree = options.work().resolve("relay-tree");
        FileTrees.deleteTree(tree);
        stageUsr(tree);
        made.add(tarball(tree));
        writeDockerContext();
        if (HostSystem.current() == HostSystem.LINUX && Commands.available("dpkg-deb")) {
            made.add(deb());
        }
        return made;
    }

    /** bin/lifeline-relay and share/lifeline-relay/ as they sit under /usr. */
    private void stageUsr(Path usr) throws IOException {
        Path share = usr.resolve("share/lifeline-relay");
        Files.createDirectories(share.resolve("lib"));
        Files.copy(options.relayTarget().resolve(JAR), share.resolve(JAR));
        FileTrees.copyTree(options.relayTarget().resolve("lib"), share.resolve("lib"));
        Path relayFiles = options.packaging().resolve("relay");
        Files.copy(relayFiles.resolve("lifeline-relay.service"), share.resolve("lifeline-relay.service"));
        Files.copy(relayFiles.resolve("lifeline-relay.default"), share.resolve("lifeline-relay.default"));
        Path bin = Files.createDirectories(usr.resolve("bin"));
        Files.copy(relayFiles.resolve("lifeline-relay.sh"), bin.resolve("lifeline-relay"));
        executable(bin.resolve("lifeline-relay"));
    }

    private Path tarball(Path usr) throws IOException {
        Path file = options.out().resolve("lifeline-relay-" + options.packageVersion() + ".tar.gz");
        Files.deleteIfExists(file);
        Commands.run(List.of("tar", "-czf", file.toString(), "--owner=0", "--group=0", "-C", usr.toString(), "bin", "share"));
        return file;
    }

    private void writeDockerContext() throws IOException {
        String dockerfile = Files.readString(options.packaging().resolve("relay/Dockerfile"), StandardCharsets.UTF_8)
                .replace("@VERSION@", options.packageVersion());
        Files.writeString(options.out().resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
        // The build context is this folder: send the daemon the relay tarball only.
        Files.writeString(options.out().resolve(".dockerignore"), "*\n!lifeline-relay-*.tar.gz\n", StandardCharsets.UTF_8);
    }

    private Path deb() throws IOException {
        Path root = options.work().resolve("relay-deb");
        FileTrees.deleteTree(root);
        Path usr = root.resolve("usr");
        stageUsr(usr);
        Path relayFiles = options.packaging().resolve("relay");
        // Inside the package the unit and the defaults live where systemd and admins look for them.
        Files.move(usr.resolve("share/lifeline-relay/lifeline-relay.service"),
                Files.createDirectories(root.resolve("lib/systemd/system")).resolve("lifeline-relay.service"));
        Files.move(usr.resolve("share/lifeline-relay/lifeline-relay.default"),
                Files.createDirectories(root.resolve("etc/default")).resolve("lifeline-relay"));
        Path doc = Files.createDirectories(usr.resolve("share/doc/lifeline-relay"));
        Files.writeString(doc.resolve("copyright"), "Lifeline relay. Licensed under the Apache License, version 2.0;"
                + " see /usr/share/common-licenses/Apache-2.0.\n", StandardCharsets.UTF_8);

        Path debian = Files.createDirectories(root.resolve("DEBIAN"));
        long installedKiB = (FileTrees.size(root) + 1023) / 1024;
        String control = Files.readString(relayFiles.resolve("debian/control"), StandardCharsets.UTF_8)
                .replace("@VERSION@", options.packageVersion())
                .replace("@VENDOR@", options.maintainer())
                .replace("@INSTALLED_SIZE@", Long.toString(installedKiB));
        Files.writeString(debian.resolve("control"), control, StandardCharsets.UTF_8);
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Files.copy(relayFiles.resolve("debian").resolve(script), debian.resolve(script));
            executable(debian.resolve(script));
        }
        Files.copy(relayFiles.resolve("debian/conffiles"), debian.resolve("conffiles"));
        normalisePermissions(root);

        Path file = options.out().resolve("lifeline-relay_" + options.packageVersion() + "_all.deb");
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>(List.of("dpkg-deb", "--root-owner-group"));
        if (options.fast()) {
            command.addAll(List.of("-Zgzip", "-z1"));
        }
        command.addAll(List.of("--build", root.toString(), file.toString()));
        Commands.run(command);
        return file;
    }

    /** Directories and scripts 0755, everything else 0644, whatever the checkout's umask was. */
    private static void normalisePermissions(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                boolean exec = Files.isDirectory(p) || Files.isExecutable(p);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
