package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Get Help's start-up training: runs the app image once with {@code -XX:DumpLoadedClassList},
 * up to its first drawn frames, and rebuilds the class-data sharing (CDS) archive of the app's own
 * runtime from that list. The JDK and JavaFX classes the window needs are then mapped from the
 * archive, already parsed and verified, instead of being read from the compressed module image:
 * about a quarter less CPU until the big button shows (docs/benchmarks.md, Get Help start-up).
 *
 * <p>Only classes of the runtime image go in here. Classes from the app's jars would tie the archive
 * to the build machine's paths, which Java 17 checks, and the installed app lives elsewhere. On
 * Linux the same class list therefore also goes into the package, with a script the package's
 * maintainer scripts run: it dumps the app's own archive ({@value #INSTALLED_ARCHIVE}: runtime
 * and app classes, for the installed class path) at install time and removes it on uninstall
 * ({@link #addInstallStep}); the launcher names that archive ({@link #LAUNCHER_OPTION}).
 *
 * <p>The run needs a display (on Linux {@code DISPLAY}, e.g. under {@code xvfb-run}). Without one,
 * or if anything fails, the image keeps jlink's default archive and the build goes on.
 */
final class StartupArchive {
    /** Must match {@code DesktopLauncher.EXIT_AFTER_FIRST_FRAMES} in the client. */
    static final String EXIT_AFTER_FIRST_FRAMES = "lifeline.exitAfterFirstFrames";
    private static final long TRAINING_SECONDS = 120;
    /** The install-time archive, next to the app directory in the image's {@code lib}. */
    static final String INSTALLED_ARCHIVE = "app.jsa";
    /** The script in the image's {@code lib} that makes and removes it (packaging/linux/startup-archive.sh). */
    static final String INSTALL_SCRIPT = "startup-archive";
    /** Get Help's launcher option: the install-time archive; Java ignores it silently while it is missing. */
    static final String LAUNCHER_OPTION = "-XX:SharedArchiveFile=$APPDIR/../" + INSTALLED_ARCHIVE;

    private final HostSystem host;
    private final Path work;

    StartupArchive(HostSystem host, Path work) {
        this.host = host;
        this.work = work;
    }

    /** Trains {@code image} of {@code app}; returns why it did not, or empty when it did. */
    Optional<String> train(ClientApp app, Path image) {
        Path classList = work.resolve(app.id() + ".classlist");
        try {
            // Never an earlier build's list: addInstallStep takes the default list when there is none.
            Files.deleteIfExists(classList);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        if (host == HostSystem.LINUX && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return Optional.of("no display (build under xvfb-run for the trained archive)");
        }
        try {
            Path runtime = runtime(image);
            Path java = runtime.resolve("bin").resolve(host == HostSystem.WINDOWS ? "java.exe" : "java");
            Path config = Files.createTempDirectory(work, "training-home");
            List<String> run = new ArrayList<>(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList,
                    "-D" + EXIT_AFTER_FIRST_FRAMES + "=true", "-Dfile.encoding=UTF-8",
                    "-cp", classPath(image, app, appDirectory(image).toString()), app.mainClass(),
                    // A relay that is not there: the window opens as it does when the network is down.
                    "--relay", "127.0.0.1:9"));
            runWithin(run, Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", config.toString()));
            FileTrees.deleteTree(config);
            if (!Files.isRegularFile(classList) || Files.size(classList) == 0) {
                return Optional.of("the training run wrote no class list");
            }
            Path archive = archive(runtime);
            Path fresh = archive.resolveSibling("classes.jsa.new");
            Files.deleteIfExists(fresh);
            runWithin(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + fresh), Map.of());
            Files.deleteIfExists(archive);
            Files.move(fresh, archive);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Path runtime(Path image) {
        return switch (host) {
            case LINUX -> image.resolve("lib").resolve("runtime");
            case WINDOWS -> image.resolve("runtime");
            case MAC -> image.resolve("Contents").resolve("runtime").resolve("Contents").resolve("Home");
        };
    }

    private Path archive(Path runtime) {
        return (host == HostSystem.WINDOWS ? runtime.resolve("bin") : runtime.resolve("lib"))
                .resolve("server").resolve("classes.jsa");
    }

    private Path appDirectory(Path image) {
        return switch (host) {
            case LINUX -> image.resolve("lib").resolve("app");
            case WINDOWS -> image.resolve("app");
            case MAC -> image.resolve("Contents").resolve("app");
        };
    }

    /**
     * Linux: puts the install-time archive step into {@code image}: the class list of the training
     * run (else the runtime's default list, so the archive still holds the JDK's common classes)
     * and {@value #INSTALL_SCRIPT}, made from {@code script} with the launcher's class path.
     */
    void addInstallStep(ClientApp app, Path image, Path script) throws IOException {
        Path lib = image.resolve("lib");
        Path trained = work.resolve(app.id() + ".classlist");
        Path list = Files.isRegularFile(trained) && Files.size(trained) > 0 ? trained : runtime(image).resolve("lib").resolve("classlist");
        String listName = app.id() + ".classlist";
        Files.copy(list, lib.resolve(listName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The script runs from lib/: "$LIB/app" is the launcher's $APPDIR there.
        String text = Files.readString(script, StandardCharsets.UTF_8)
                .replace("@CLASSLIST@", listName)
                .replace("@CLASSPATH@", classPath(image, app, "$LIB/app"));
        Path target = lib.resolve(INSTALL_SCRIPT);
        Files.writeString(target, text, StandardCharsets.UTF_8);
        target.toFile().setExecutable(true, false);
    }

    /** The launcher's class path, in its order, from jpackage's {@code <app>.cfg}, with {@code appDir} for $APPDIR. */
    private String classPath(Path image, ClientApp app, String appDir) throws IOException {
        Path cfg = appDirectory(image).resolve(app.id() + ".cfg");
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.startsWith("app.classpath=")) {
                entries.add(line.substring("app.classpath=".length()).replace("$APPDIR", appDir));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("no class path in " + cfg);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void runWithin(List<String> command, Map<String, String> environment) throws IOException {
        Path log = work.resolve("startup-training.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TRAINING_SECONDS + " s (see " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " … failed with exit code "
                    + process.exitValue() + " (see " + log + ")");
        }
    }
}
