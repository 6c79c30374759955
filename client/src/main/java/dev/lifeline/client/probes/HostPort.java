package dev.lifeline.client.probes;

import java.util.Locale;
import java.util.regex.Pattern;

/** A host name or address and a port, strictly checked: what a reachability check may target. */
public record HostPort(String host, int port) {
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?|\\[[0-9a-f:.]{2,45}\\]");

    public HostPort {
        host = host.strip().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches() || host.contains("..")) {
            throw new IllegalArgumentException("not a host name or address: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port} or {@code [v6]:port}. */
    public static HostPort parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got " + text);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port, got " + text);
        }
        return new HostPort(t.substring(0, colon), port);
    }

    /** The host without brackets, for name lookups and sockets. */
    public String bareHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
