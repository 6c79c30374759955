package dev.lifeline.client.probes;

import java.util.Locale;

/** The operating system the probes run on; decides which log and update commands apply. */
public enum Platform {
    LINUX, WINDOWS, MACOS, OTHER;

    public static Platform current() {
        return of(System.getProperty("os.name", ""));
    }

    static Platform of(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("linux")) {
            return LINUX;
        }
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.contains("mac") || n.contains("darwin")) {
            return MACOS;
        }
        return OTHER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
