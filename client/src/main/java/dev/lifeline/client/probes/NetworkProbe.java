package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.NameCheck;
import dev.lifeline.common.wire.diagnostics.NetworkData;
import dev.lifeline.common.wire.diagnostics.NetworkInterface;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ReachCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import oshi.hardware.NetworkIF;
import oshi.software.os.NetworkParams;

/**
 * Adapters, addresses and link state (OSHI), the default gateway, name lookups and TCP/HTTPS
 * checks of the endpoints in the customer's configuration, and the TCP round trip to the relay.
 * Only configured targets are contacted: nothing the technician typed.
 */
final class NetworkProbe implements DiagnosticProbe {
    static final int MAX_INTERFACES = 32;
    static final int CONNECT_TIMEOUT_MS = 3000;
    static final int RELAY_SAMPLES = 3;
    /** Virtual adapters by name; on Linux /sys/class/net/NAME/device decides first. */
    private static final List<String> VIRTUAL_PREFIXES = List.of("lo", "veth", "docker", "br-", "virbr", "vmnet", "vboxnet",
            "tun", "tap", "wg", "utun", "awdl", "llw", "bridge", "zt", "tailscale");

    @Override
    public Probe kind() {
        return Probe.NETWORK;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        NetworkData.Builder d = NetworkData.newBuilder();
        for (NetworkIF nif : context.oshi().getHardware().getNetworkIFs(true)) {
            if (d.getInterfacesCount() >= MAX_INTERFACES) {
                result.addNotes("more than " + MAX_INTERFACES + " adapters; the rest left out");
                break;
            }
            String status = String.valueOf(nif.getIfOperStatus());
            d.addInterfaces(NetworkInterface.newBuilder()
                    .setName(Probes.cap(nif.getName(), 64)).setDisplayName(Probes.cap(nif.getDisplayName(), 120))
                    .setMac(Probes.cap(nif.getMacaddr(), 40))
                    .addAllIpv4(Arrays.stream(nif.getIPv4addr()).limit(16).toList())
                    .addAllIpv6(Arrays.stream(nif.getIPv6addr()).limit(16).toList())
                    .setOperStatus(status).setLinkUp("UP".equals(status))
                    .setPhysical(physical(context.platform(), nif))
                    .setSpeedBps(Math.max(0, nif.getSpeed()))
                    .setInErrors(Math.max(0, nif.getInErrors())).setOutErrors(Math.max(0, nif.getOutErrors()))
                    .setConnectorPresent(nif.isConnectorPresent()));
        }
        NetworkParams params = context.oshi().getOperatingSystem().getNetworkParams();
        d.setHostname(Probes.cap(params.getHostName(), 255))
                .setIpv4Gateway(Probes.cap(params.getIpv4DefaultGateway(), 64))
                .setIpv6Gateway(Probes.cap(params.getIpv6DefaultGateway(), 64))
                .addAllDnsServers(Arrays.stream(params.getDnsServers()).limit(8).toList());
        DiagnosticsSettings settings = context.settings();
        if (!settings.checkGateway()) {
            result.addNotes("gateway reachability: not checked (turned off in this app's configuration)");
        } else if (d.getIpv4Gateway().isBlank()) {
            result.addNotes("gateway reachability: no IPv4 default gateway");
        } else {
            d.setGateway(ping(d.getIpv4Gateway()));
        }
        for (String name : settings.dnsNames()) {
            d.addNames(lookup(name));
        }
        for (HostPort target : settings.tcpEndpoints()) {
            d.addEndpoints(tcp(target, 1));
        }
        for (URI uri : settings.httpsEndpoints()) {
            d.addEndpoints(https(uri));
        }
        settings.relay().ifPresent(relay -> d.setRelay(tcp(relay, RELAY_SAMPLES)));
        result.setNetwork(d);
        long physical = d.getInterfacesList().stream().filter(NetworkInterface::getPhysical).count();
        long linked = d.getInterfacesList().stream().filter(i -> i.getPhysical() && i.getLinkUp()).count();
        long failedChecks = d.getNamesList().stream().filter(n -> !n.getResolved()).count()
                + d.getEndpointsList().stream().filter(e -> !e.getReachable()).count()
                + (d.hasGateway() && !d.getGateway().getReachable() ? 1 : 0);
        result.setSummary(String.format(Locale.ROOT, "%d adapters (%d physical, %d with link), gateway %s, %s%s",
                d.getInterfacesCount(), physical, linked, d.getIpv4Gateway().isBlank() ? "none" : d.getIpv4Gateway(),
                failedChecks == 0 ? "all checks passed" : failedChecks + " check(s) failed",
                d.hasRelay() ? (d.getRelay().getReachable() ? ", relay " + d.getRelay().getMillis() + " ms" : ", relay unreachable") : ""));
    }

    static boolean physical(Platform platform, NetworkIF nif) {
        String name = nif.getName().toLowerCase(Locale.ROOT);
        if (platform == Platform.LINUX) {
            // Real adapters have a device behind them; veth, bridges and tunnels do not.
            return Files.exists(Path.of("/sys/class/net", nif.getName(), "device"));
        }
        if (VIRTUAL_PREFIXES.stream().anyMatch(name::startsWith) || nif.isKnownVmMacAddr()) {
            return false;
        }
        try {
            java.net.NetworkInterface ni = nif.queryNetworkInterface();
            return ni != null && !ni.isLoopback() && !ni.isVirtual();
        } catch (IOException e) {
            return false;
        }
    }

    static NameCheck lookup(String name) {
        long t0 = System.nanoTime();
        NameCheck.Builder c = NameCheck.newBuilder().setName(name);
        try {
            InetAddress[] all = InetAddress.getAllByName(name);
            c.setResolved(true);
            Arrays.stream(all).limit(8).forEach(a -> c.addAddresses(a.getHostAddress()));
        } catch (IOException e) {
            c.setResolved(false).setError(Probes.cap(e.getClass().getSimpleName() + ": " + e.getMessage(), 200));
        }
        return c.setMillis(millisSince(t0)).build();
    }

    static ReachCheck tcp(HostPort target, int samples) {
        ReachCheck.Builder c = ReachCheck.newBuilder().setKind(ReachCheck.Kind.TCP).setTarget(target.toString());
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target.bareHost(), target.port()), CONNECT_TIMEOUT_MS);
                ok.add(millisSince(t0));
            } catch (IOException e) {
                c.setError(Probes.cap(e.getClass().getSimpleName() + ": " + e.getMessage(), 200));
            }
        }
        ok.forEach(c::addSamplesMs);
        if (!ok.isEmpty()) {
            List<Integer> sorted = ok.stream().sorted().toList();
            c.setReachable(true).setMillis(sorted.get(sorted.size() / 2)).clearError();
        }
        return c.build();
    }

    static ReachCheck https(URI uri) {
        ReachCheck.Builder c = ReachCheck.newBuilder().setKind(ReachCheck.Kind.HTTPS).setTarget(uri.toString());
        long t0 = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            // Any HTTP answer means the server is reachable through TLS; the status says the rest.
            c.setReachable(true).setHttpStatus(r.statusCode());
        } catch (IOException e) {
            c.setError(Probes.cap(e.getClass().getSimpleName() + ": " + e.getMessage(), 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.setError("interrupted");
        }
        return c.setMillis(millisSince(t0)).build();
    }

    static ReachCheck ping(String address) {
        ReachCheck.Builder c = ReachCheck.newBuilder().setKind(ReachCheck.Kind.ICMP).setTarget(address);
        long t0 = System.nanoTime();
        try {
            boolean reachable = InetAddress.getByName(address).isReachable(CONNECT_TIMEOUT_MS);
            c.setReachable(reachable);
            if (reachable) {
                c.setMillis(millisSince(t0)).addSamplesMs(millisSince(t0));
            } else {
                c.setError("no answer within " + CONNECT_TIMEOUT_MS + " ms");
            }
        } catch (IOException e) {
            c.setError(Probes.cap(e.getMessage(), 200));
        }
        return c.build();
    }

    private static int millisSince(long t0) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
    }
}
