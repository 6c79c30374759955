package dev.lifeline.client.connection;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the relay is and how we recognise it: a pinned SHA-256 certificate fingerprint (the
 * self-signed default) or, when none is given, ordinary CA validation.
 */
public record RelayEndpoint(String host, int port, String pinnedFingerprint) {
    public static final int DEFAULT_PORT = 7443;

    public RelayEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("relay host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("relay port must be 1..65535, was " + port);
        }
        if (pinnedFingerprint != null) {
            String hex = pinnedFingerprint.replace(":", "").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a relay fingerprint is 32 bytes of SHA-256 in hex");
            }
        }
    }

    /** Parses {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static RelayEndpoint parse(String address, String pinnedFingerprint) {
        String a = address.strip();
        String host = a;
        int port = DEFAULT_PORT;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in relay address " + a);
            }
            host = a.substring(1, close);
            if (a.length() > close + 1) {
                port = parsePort(a.substring(close + 2));
            }
        } else if (a.indexOf(':') >= 0 && a.indexOf(':') == a.lastIndexOf(':')) {
            host = a.substring(0, a.indexOf(':'));
            port = parsePort(a.substring(a.indexOf(':') + 1));
        }
        return new RelayEndpoint(host, port, pinnedFingerprint == null || pinnedFingerprint.isBlank() ? null : pinnedFingerprint);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("relay port is not a number: " + text, e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
