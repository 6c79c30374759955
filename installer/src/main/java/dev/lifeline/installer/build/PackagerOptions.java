package dev.lifeline.installer.build;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of a package build, given as {@code --name value} pairs by the Maven profile (or a test).
 *
 * @param clientTarget the client module's target directory (lifeline-client.jar and lib/)
 * @param relayTarget the relay module's target directory (lifeline-relay.jar and lib/)
 * @param packaging installer/src/main/packaging: icons, desktop entries, the relay's service files
 * @param work scratch space (runtime image, app images, staging trees)
 * @param out where the finished packages and their checksums go
 * @param version the Maven version; packages get it without "-SNAPSHOT"
 * @param bundle organisation bundle to bake into Get Help, or null
 * @param apps which of gethelp, console, relay to build (all when empty)
 * @param types which package types to make (all the host can when empty)
 * @param fast quicker, slightly larger packages (CI)
 * @param runtime an already linked runtime to reuse instead of running jlink, or null
 */
record PackagerOptions(Path clientTarget, Path relayTarget, Path packaging, Path work, Path out, String version,
                       Path bundle, List<String> apps, List<String> types, boolean fast, String vendor,
                       String maintainer, Path runtime) {

    static PackagerOptions parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in --name value pairs: " + Arrays.toString(args));
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new PackagerOptions(path(values, "client-target"), path(values, "relay-target"), path(values, "packaging"),
                path(values, "work"), path(values, "out"), required(values, "version"),
                blank(values.get("bundle")) ? null : Path.of(values.get("bundle")).toAbsolutePath(),
                list(values.get("apps")), list(values.get("types")), Boolean.parseBoolean(values.getOrDefault("fast", "false")),
                values.getOrDefault("vendor", "Lifeline"),
                values.getOrDefault("maintainer", "Lifeline packagers <packages@lifeline.invalid>"),
                blank(values.get("runtime")) ? null : Path.of(values.get("runtime")).toAbsolutePath());
    }

    boolean builds(String app) {
        return apps.isEmpty() || apps.contains(app);
    }

    /** "0.1.0-SNAPSHOT" becomes "0.1.0": jpackage and the package formats want plain numbers. */
    String packageVersion() {
        String v = version.replaceFirst("-.*$", "");
        if (!v.matches("\\d+(\\.\\d+){0,3}")) {
            throw new IllegalArgumentException("version " + version + " does not start with numbers like 1.2.3");
        }
        return v;
    }

    private static Path path(Map<String, String> values, String name) {
        return Path.of(required(values, name)).toAbsolutePath();
    }

    private static String required(Map<String, String> values, String name) {
        String v = values.get(name);
        if (blank(v)) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static List<String> list(String value) {
        // Maven passes an unset property through as an empty string.
        return blank(value) ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || value.startsWith("${");
    }
}
