package dev.lifeline.installer.packages;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The versions a package of this build must carry. */
final class PackageVersions {
    private PackageVersions() {
    }

    static String mavenVersion() {
        return System.getProperty("lifeline.version", "0.1.0-SNAPSHOT");
    }

    /** "0.1.0-SNAPSHOT" is packaged as 0.1.0; jpackage adds the Debian revision 1. */
    static String packageVersion() {
        return mavenVersion().replaceFirst("-.*$", "");
    }

    static String debianVersion() {
        return packageVersion() + "-1";
    }

    static String hostArchitecture() throws IOException, InterruptedException {
        return AppProcess.run(List.of("dpkg", "--print-architecture"), Duration.ofSeconds(30)).output().strip();
    }
}
