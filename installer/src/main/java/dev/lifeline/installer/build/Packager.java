package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Builds the packages for the host system ({@code ./mvnw -Ppackage verify}): the trimmed runtime,
 * Get Help and Console as app images and native packages, the relay's tarball, .deb and container
 * file; then signs (when keys are configured) and writes a SHA-256 file per package.
 */
public final class Packager {
    private final PackagerOptions options;
    private final HostSystem host = HostSystem.current();

    Packager(PackagerOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        build(args);
    }

    /** Builds with {@code --name value} options as {@link PackagerOptions} describes; returns the packages made. */
    public static List<Path> build(String... args) throws IOException {
        return new Packager(PackagerOptions.parse(args)).build();
    }

    /** Builds everything asked for and returns the packages made. */
    private List<Path> build() throws IOException {
        Files.createDirectories(options.out());
        Files.createDirectories(options.work());
        ReleaseSigning signing = new ReleaseSigning(System.getenv());
        List<Path> packages = new ArrayList<>();
        long started = System.nanoTime();

        if (options.builds("gethelp") || options.builds("console")) {
            Path runtime = options.runtime();
            if (runtime == null) {
                log("linking the runtime (jlink)");
                runtime = RuntimeImage.link(javafxJars(), options.work().resolve("runtime"), host);
            }
            ClientPackages clients = new ClientPackages(options, host, runtime);
            Branding branding = BundleBranding.of(options.bundle());
            for (ClientApp app : List.of(ClientApp.GET_HELP, ClientApp.CONSOLE)) {
                if (!options.builds(app == ClientApp.GET_HELP ? "gethelp" : "console")) {
                    continue;
                }
                log(app.title() + ": app image");
                Path image = clients.appImage(app, branding);
                if (app == ClientApp.GET_HELP) {
                    // Get Help is the one the customer waits for: its runtime gets a trained archive.
                    log(app.title() + ": start-up training (class-data archive)");
                    StartupArchive archive = new StartupArchive(host, options.work());
                    archive.train(app, image).ifPresent(reason -> log("  kept the default archive: " + reason));
                    if (host == HostSystem.LINUX) {
                        // The app's own classes too: dumped at install time, where the class path is final.
                        archive.addInstallStep(app, image, options.packaging().resolve("linux").resolve("startup-archive.sh"));
                    }
                }
                log(app.title() + ": " + host.clientPackageTypes() + " from " + image);
                packages.addAll(clients.nativePackages(app, image, branding));
            }
        }
        if (options.builds("relay")) {
            log("relay: tarball, container file" + (host == HostSystem.LINUX ? ", .deb" : ""));
            packages.addAll(new RelayPackages(options).build());
        }

        log(signing.summary());
        List<Path> extra = new ArrayList<>();
        for (Path p : packages) {
            extra.addAll(signing.sign(p));
            Checksums.write(p);
        }
        for (Path p : extra) {
            Checksums.write(p);
        }
        log(String.format(Locale.ROOT, "done in %.0f s; packages in %s:", (System.nanoTime() - started) / 1e9, options.out()));
        for (Path p : packages) {
            log(String.format(Locale.ROOT, "  %-45s %6.1f MB", p.getFileName(), Files.size(p) / 1e6));
        }
        return packages;
    }

    /** The JavaFX jars for this platform (with natives), from the client's lib directory. */
    private List<Path> javafxJars() throws IOException {
        try (Stream<Path> libs = Files.list(options.clientTarget().resolve("lib"))) {
            List<Path> jars = libs.filter(p -> {
                String n = p.getFileName().toString();
                // javafx-base-17.0.18-linux.jar: the classifier jar has the classes and natives, the plain one is empty.
                return n.startsWith("javafx-") && n.matches("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar");
            }).sorted().toList();
            if (jars.isEmpty()) {
                throw new IOException("no JavaFX platform jars in " + options.clientTarget().resolve("lib")
                        + "; build the client first (./mvnw -Ppackage verify builds everything)");
            }
            return jars;
        }
    }

    private static void log(String line) {
        System.out.println("[packages] " + line);
        System.out.flush();
    }
}
