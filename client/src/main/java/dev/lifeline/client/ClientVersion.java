package dev.lifeline.client;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when run from classes. */
public final class ClientVersion implements CommandLine.IVersionProvider {
    public static String current() {
        String v = ClientVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Lifeline " + current()};
    }
}
