package dev.lifeline.installer.build;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Get Help's Linux maintainer scripts: jpackage's own templates (the menu entry; read from the
 * running JDK, whose jpackage builds the package, so they stay in step with it) plus one step, the
 * install-time start-up archive ({@link StartupArchive#addInstallStep}): made after install,
 * removed before uninstall. jpackage takes the overridden files from its {@code --resource-dir}
 * and fills in their tokens as in its own. Nothing else: Get Help stays attended-only.
 */
final class MaintainerScripts {
    private static final String TEMPLATES = "/modules/jdk.jpackage/jdk/jpackage/internal/resources/";
    private static final String COMMENT = "# Get Help's start-up archive for where it is installed (lib/" + StartupArchive.INSTALL_SCRIPT + ")";

    private MaintainerScripts() {
    }

    /** Writes the .deb's postinst and prerm and the .rpm's spec for {@code app} into {@code resources}. */
    static void withStartupArchive(ClientApp app, Path resources) throws IOException {
        // jpackage's install folder on Linux (its .deb templates have no token for it).
        String script = "/opt/" + app.id() + "/lib/" + StartupArchive.INSTALL_SCRIPT;
        Files.writeString(resources.resolve("postinst"), insertAfter(template("template.postinst"), "DESKTOP_COMMANDS_INSTALL",
                List.of(COMMENT, "sh " + script + " make || true")), StandardCharsets.UTF_8);
        // dpkg: the old prerm runs on upgrade too, before the new postinst makes the new archive.
        Files.writeString(resources.resolve("prerm"), insertAfter(template("template.prerm"), "DESKTOP_COMMANDS_UNINSTALL",
                List.of(COMMENT, "sh " + script + " remove || true")), StandardCharsets.UTF_8);
        String spec = insertAfter(template("template.spec"), "DESKTOP_COMMANDS_INSTALL",
                List.of(COMMENT, "sh " + script + " make || :"));
        // rpm: on upgrade the old %preun runs after the new %post, so only an erase ($1 = 0) removes it.
        spec = insertAfter(spec, "DESKTOP_COMMANDS_UNINSTALL",
                List.of("if [ \"$1\" = 0 ]; then sh " + script + " remove || :; fi"));
        Files.writeString(resources.resolve(app.id() + ".spec"), spec, StandardCharsets.UTF_8);
    }

    private static String template(String name) throws IOException {
        Path template = FileSystems.getFileSystem(URI.create("jrt:/")).getPath(TEMPLATES + name);
        if (!Files.isRegularFile(template)) {
            throw new IOException("jpackage's " + name + " not found in this JDK (" + System.getProperty("java.home") + ")");
        }
        return Files.readString(template, StandardCharsets.UTF_8);
    }

    /** {@code lines} after the template line that is just {@code token}; a template without it is an error. */
    static String insertAfter(String template, String token, List<String> lines) throws IOException {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String line : template.split("\n", -1)) {
            out.add(line);
            if (!found && line.strip().equals(token)) {
                out.addAll(lines);
                found = true;
            }
        }
        if (!found) {
            throw new IOException("jpackage's template has no " + token + " line; its maintainer scripts changed");
        }
        return String.join("\n", out);
    }
}
