package dev.lifeline.client.probes;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What the customer's probes check, from the customer's own configuration: the technician chooses
 * probes from the catalogue but never names a host. So a technician cannot use the customer's
 * machine to scan its network; the worst a technician can do is ask for the same fixed checks again.
 *
 * <p>Properties file keys (all optional): {@code dns.names} (comma-separated host names),
 * {@code tcp.endpoints} ({@code host:port,...}), {@code https.endpoints} ({@code https://...,...}),
 * {@code gateway.check} ({@code true}/{@code false}), {@code probe.timeout.seconds},
 * {@code review} ({@code true}: the customer previews results before they go).
 */
public record DiagnosticsSettings(List<String> dnsNames, List<HostPort> tcpEndpoints, List<URI> httpsEndpoints,
                                  boolean checkGateway, Optional<HostPort> relay, Duration probeTimeout,
                                  boolean reviewBeforeSending) {
    /** At most this many configured checks of each kind run. */
    public static final int MAX_ENDPOINTS = 16;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public DiagnosticsSettings {
        dnsNames = List.copyOf(dnsNames.subList(0, Math.min(MAX_ENDPOINTS, dnsNames.size())));
        tcpEndpoints = List.copyOf(tcpEndpoints.subList(0, Math.min(MAX_ENDPOINTS, tcpEndpoints.size())));
        httpsEndpoints = List.copyOf(httpsEndpoints.subList(0, Math.min(MAX_ENDPOINTS, httpsEndpoints.size())));
    }

    /** The default list: the relay this app talks to (name lookup and TCP round trip), the gateway. */
    public static DiagnosticsSettings defaults(HostPort relay) {
        return new DiagnosticsSettings(relay == null ? List.of() : List.of(relay.bareHost()), List.of(), List.of(), true,
                Optional.ofNullable(relay), DEFAULT_TIMEOUT, true);
    }

    public DiagnosticsSettings withGatewayCheck(boolean check) {
        return new DiagnosticsSettings(dnsNames, tcpEndpoints, httpsEndpoints, check, relay, probeTimeout, reviewBeforeSending);
    }

    public DiagnosticsSettings withReview(boolean review) {
        return new DiagnosticsSettings(dnsNames, tcpEndpoints, httpsEndpoints, checkGateway, relay, probeTimeout, review);
    }

    public DiagnosticsSettings withTimeout(Duration timeout) {
        return new DiagnosticsSettings(dnsNames, tcpEndpoints, httpsEndpoints, checkGateway, relay, timeout, reviewBeforeSending);
    }

    public DiagnosticsSettings withEndpoints(List<String> names, List<HostPort> tcp, List<URI> https) {
        return new DiagnosticsSettings(names, tcp, https, checkGateway, relay, probeTimeout, reviewBeforeSending);
    }

    /** The defaults overridden by a properties file; a bad entry is a typed error naming it. */
    public static DiagnosticsSettings load(Path file, HostPort relay) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        DiagnosticsSettings d = defaults(relay);
        List<String> names = new ArrayList<>(d.dnsNames());
        for (String n : list(p, "dns.names")) {
            names.add(new HostPort(n, 1).bareHost()); // same strict host check
        }
        List<HostPort> tcp = list(p, "tcp.endpoints").stream().map(HostPort::parse).toList();
        List<URI> https = new ArrayList<>();
        for (String u : list(p, "https.endpoints")) {
            URI uri = URI.create(u);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("https.endpoints: not an https URL: " + u);
            }
            new HostPort(uri.getHost(), 443);
            https.add(uri);
        }
        boolean gateway = Boolean.parseBoolean(p.getProperty("gateway.check", "true").strip());
        boolean review = Boolean.parseBoolean(p.getProperty("review", "true").strip());
        Duration timeout = Duration.ofSeconds(Long.parseLong(p.getProperty("probe.timeout.seconds", "20").strip()));
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 120) {
            throw new IllegalArgumentException("probe.timeout.seconds must be 1..120");
        }
        return new DiagnosticsSettings(names, tcp, https, gateway, Optional.ofNullable(relay), timeout, review);
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "");
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip().toLowerCase(Locale.ROOT).startsWith("https://") ? s.strip() : s.strip());
            }
        }
        return out;
    }
}
