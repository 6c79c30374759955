package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Release signing hooks. The keys are the organisation's, so nothing is signed unless these
 * environment variables name them; an unsigned build says so instead of failing.
 * <ul>
 *   <li>{@code LIFELINE_GPG_KEY}: a detached ASCII signature {@code FILE.asc} for every package
 *       ({@code gpg --detach-sign --armor -u KEY});
 *   <li>{@code LIFELINE_DEB_SIGN_KEY}: a signature inside each .deb ({@code debsigs --sign=origin});
 *   <li>{@code LIFELINE_RPM_SIGN_KEY}: a signature inside each .rpm ({@code rpm --addsign});
 *   <li>{@code LIFELINE_WINDOWS_SIGN_CERT} (a .pfx) and {@code LIFELINE_WINDOWS_SIGN_PASSWORD}: Authenticode
 *       on each .msi ({@code signtool sign /fd SHA256 /tr LIFELINE_WINDOWS_TIMESTAMP_URL});
 *   <li>{@code LIFELINE_MAC_SIGN_IDENTITY}: jpackage signs the app and the .dmg/.pkg with that
 *       Developer ID ({@code --mac-sign}); notarise afterwards with {@code xcrun notarytool}.
 * </ul>
 */
final class ReleaseSigning {
    private final Map<String, String> env;

    ReleaseSigning(Map<String, String> env) {
        this.env = env;
    }

    /** jpackage options that sign on macOS, when a signing identity is configured. */
    static List<String> macSigningOptions() {
        String identity = System.getenv("LIFELINE_MAC_SIGN_IDENTITY");
        return identity == null || identity.isBlank() ? List.of()
                : List.of("--mac-sign", "--mac-signing-key-user-name", identity);
    }

    /** Signs {@code file} as configured; returns extra files made (detached signatures). */
    List<Path> sign(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Path> extra = new ArrayList<>();
        if (name.endsWith(".deb") && configured("LIFELINE_DEB_SIGN_KEY")) {
            Commands.run(List.of("debsigs", "--sign=origin", "--default-key=" + env.get("LIFELINE_DEB_SIGN_KEY"), file.toString()));
        }
        if (name.endsWith(".rpm") && configured("LIFELINE_RPM_SIGN_KEY")) {
            Commands.run(List.of("rpm", "--define", "_gpg_name " + env.get("LIFELINE_RPM_SIGN_KEY"), "--addsign", file.toString()));
        }
        if (name.endsWith(".msi") && configured("LIFELINE_WINDOWS_SIGN_CERT")) {
            Commands.run(List.of("signtool", "sign", "/fd", "SHA256", "/f", env.get("LIFELINE_WINDOWS_SIGN_CERT"),
                    "/p", env.getOrDefault("LIFELINE_WINDOWS_SIGN_PASSWORD", ""),
                    "/tr", env.getOrDefault("LIFELINE_WINDOWS_TIMESTAMP_URL", "http://timestamp.digicert.com"),
                    "/td", "SHA256", file.toString()));
        }
        if (configured("LIFELINE_GPG_KEY")) {
            Path asc = file.resolveSibling(name + ".asc");
            Files.deleteIfExists(asc);
            Commands.run(List.of("gpg", "--batch", "--yes", "--detach-sign", "--armor", "-u", env.get("LIFELINE_GPG_KEY"),
                    "--output", asc.toString(), file.toString()));
            extra.add(asc);
        }
        return extra;
    }

    /** One line for the build log: which hooks will run. */
    String summary() {
        List<String> on = new ArrayList<>();
        for (String key : List.of("LIFELINE_GPG_KEY", "LIFELINE_DEB_SIGN_KEY", "LIFELINE_RPM_SIGN_KEY",
                "LIFELINE_WINDOWS_SIGN_CERT", "LIFELINE_MAC_SIGN_IDENTITY")) {
            if (configured(key)) {
                on.add(key);
            }
        }
        return on.isEmpty() ? "packages are not signed (no signing key configured; see docs/installers.md)"
                : "signing with " + String.join(", ", on);
    }

    private boolean configured(String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }
}
