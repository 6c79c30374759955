package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Get Help and Console as jpackage app images (the trimmed runtime plus the client jars) and as
 * the host system's native packages made from those images.
 */
final class ClientPackages {
    static final String CLIENT_JAR = "lifeline-client.jar";
    /** Where Get Help finds the organisation bundle baked into it ({@code $APPDIR} is jpackage's app directory). */
    static final String BUNDLE_FILE = "org.bundle";

    private final PackagerOptions options;
    private final HostSystem host;
    private final Path runtime;

    ClientPackages(PackagerOptions options, HostSystem host, Path runtime) {
        this.options = options;
        this.host = host;
        this.runtime = runtime;
    }

    /**
     * Jars the client's lib holds only because `lifeline demo` embeds a relay: the relay itself,
     * its database drivers, pool and migrations, and what only they depend on. Neither Get Help
     * nor the Console loads them (an ArchUnit rule keeps relay imports to the demo launcher).
     */
    static final List<String> SERVER_ONLY_PREFIXES = List.of("lifeline-relay-", "h2-", "postgresql-", "HikariCP-",
            "flyway-", "jackson-", "checker-qual-", "commons-codec-");

    static boolean serverOnly(Path jar) {
        String name = jar.getFileName().toString();
        return SERVER_ONLY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The app image: launcher, runtime and jars, runnable in place. */
    Path appImage(ClientApp app, Branding branding) throws IOException {
        Path input = options.work().resolve("input").resolve(app.id());
        FileTrees.deleteTree(input);
        Files.createDirectories(input);
        Files.copy(options.clientTarget().resolve(CLIENT_JAR), input.resolve(CLIENT_JAR));
        try (Stream<Path> libs = Files.list(options.clientTarget().resolve("lib"))) {
            for (Path jar : (Iterable<Path>) libs::iterator) {
                // JavaFX is part of the runtime image, not of the class path; the relay and its
                // database stack are in the client's lib only for `lifeline demo`.
                if (!jar.getFileName().toString().startsWith("javafx-") && !serverOnly(jar)) {
                    Files.copy(jar, input.resolve(jar.getFileName()));
                }
            }
        }
        List<String> javaOptions = new ArrayList<>(List.of("-Dfile.encoding=UTF-8"));
        if (app == ClientApp.GET_HELP && branding.bundle() != null) {
            Files.copy(branding.bundle(), input.resolve(BUNDLE_FILE));
            javaOptions.add("-Dlifeline.bundle=$APPDIR/" + BUNDLE_FILE);
        }
        if (app == ClientApp.GET_HELP && host == HostSystem.LINUX) {
            // Made by the package's postinst (StartupArchive.addInstallStep); ignored while missing.
            javaOptions.add(StartupArchive.LAUNCHER_OPTION);
        }
        Path images = options.work().resolve("images");
        FileTrees.deleteTree(images.resolve(imageName(app)));
        Files.createDirectories(images);
        List<String> command = new ArrayList<>(List.of(Commands.jdkTool("jpackage"),
                "--type", "app-image",
                "--dest", images.toString(),
                "--name", app.id(),
                "--app-version", options.packageVersion(),
                "--vendor", options.vendor(),
                "--description", app.description(),
                "--input", input.toString(),
                "--main-jar", CLIENT_JAR,
                "--main-class", app.mainClass(),
                "--runtime-image", runtime.toString(),
                "--icon", icon(app).toString()));
        for (String option : javaOptions) {
            command.add("--java-options");
            command.add(option);
        }
        Commands.run(command);
        return images.resolve(imageName(app));
    }

    /** The native packages of {@code image} for this host, written to the output directory. */
    List<Path> nativePackages(ClientApp app, Path image, Branding branding) throws IOException {
        Path resources = options.work().resolve("resources").resolve(app.id());
        FileTrees.deleteTree(resources);
        Files.createDirectories(resources);
        if (host == HostSystem.LINUX) {
            String desktop = Files.readString(options.packaging().resolve("linux").resolve(app.id() + ".desktop"), StandardCharsets.UTF_8);
            String title = app == ClientApp.GET_HELP ? branding.productName() : app.title();
            Files.writeString(resources.resolve(app.id() + ".desktop"), desktop.replace("@PRODUCT@", title), StandardCharsets.UTF_8);
            if (app == ClientApp.GET_HELP) {
                MaintainerScripts.withStartupArchive(app, resources);
            }
        }
        List<Path> made = new ArrayList<>();
        for (String type : host.clientPackageTypes()) {
            if (!options.types().isEmpty() && !options.types().contains(type)) {
                continue;
            }
            List<String> before = listing(options.out());
            List<String> command = new ArrayList<>(List.of(Commands.jdkTool("jpackage"),
                    "--type", type,
                    "--app-image", image.toString(),
                    "--dest", options.out().toString(),
                    "--name", app.id(),
                    "--app-version", options.packageVersion(),
                    "--vendor", options.vendor(),
                    "--description", app.description(),
                    "--resource-dir", resources.toString(),
                    "--icon", icon(app).toString()));
            command.addAll(platformOptions(app));
            Commands.run(command, compression(type), null);
            made.add(newPackage(before, app, type));
        }
        return made;
    }

    private List<String> platformOptions(ClientApp app) {
        return switch (host) {
            case LINUX -> List.of("--linux-shortcut", "--linux-app-category", "net",
                    "--linux-menu-group", "Network;RemoteAccess;", "--linux-deb-maintainer", options.maintainer(),
                    "--linux-rpm-license-type", "ASL 2.0");
            case WINDOWS -> List.of("--win-menu", "--win-menu-group", "Lifeline", "--win-shortcut",
                    "--win-per-user-install", "--win-upgrade-uuid", app == ClientApp.GET_HELP
                            ? "4c36d68b-79d7-495b-9b92-cb6bfea8896c" : "e4d66bfe-d6bc-47e5-bb02-7c24f432b85a");
            case MAC -> macOptions(app);
        };
    }

    private List<String> macOptions(ClientApp app) {
        List<String> mac = new ArrayList<>(List.of("--mac-package-identifier", "dev.lifeline." + app.id().substring("lifeline-".length()),
                "--mac-package-name", app.title()));
        mac.addAll(ReleaseSigning.macSigningOptions());
        return mac;
    }

    /** Fast builds (CI) trade a few megabytes for a much quicker dpkg-deb. */
    private Map<String, String> compression(String type) {
        Map<String, String> env = new HashMap<>();
        if (options.fast() && type.equals("deb")) {
            env.put("DPKG_DEB_COMPRESSOR_TYPE", "gzip");
            env.put("DPKG_DEB_COMPRESSOR_LEVEL", "1");
        }
        return env;
    }

    private Path icon(ClientApp app) {
        return host.icon(options.packaging(), app);
    }

    private String imageName(ClientApp app) {
        return host == HostSystem.MAC ? app.id() + ".app" : app.id();
    }

    private static List<String> listing(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private Path newPackage(List<String> before, ClientApp app, String type) throws IOException {
        try (Stream<Path> files = Files.list(options.out())) {
            return files.filter(p -> p.getFileName().toString().startsWith(app.id()) && p.toString().endsWith("." + type))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("jpackage made no ." + type + " for " + app.id()
                            + " in " + options.out() + " (had " + before + ")"));
        }
    }
}
