package dev.lifeline.installer.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The system the build runs on decides which native packages jpackage can make. */
enum HostSystem {
    LINUX("png"), WINDOWS("ico"), MAC("icns");

    private final String iconExtension;

    HostSystem(String iconExtension) {
        this.iconExtension = iconExtension;
    }

    static HostSystem current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.startsWith("mac")) {
            return MAC;
        }
        return LINUX;
    }

    /** The app's icon in the format this system's packages take (PNG, ICO or ICNS). */
    Path icon(Path packaging, ClientApp app) {
        return packaging.resolve("icons").resolve(app.id() + "." + iconExtension);
    }

    /** jpackage types for the client apps; .rpm only where rpmbuild is installed. */
    List<String> clientPackageTypes() {
        return switch (this) {
            case LINUX -> Commands.available("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg", "pkg");
        };
    }
}
