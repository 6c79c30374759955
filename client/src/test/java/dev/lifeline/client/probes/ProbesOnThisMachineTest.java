package dev.lifeline.client.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.SystemData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every probe against the real machine the tests run on (CI is Linux): values are compared with
 * what the kernel says, and what this machine cannot offer must say so instead of a made-up value.
 */
class ProbesOnThisMachineTest {
    private static ServerSocket listener;
    private static Map<Probe, ProbeResult> results;

    @BeforeAll
    static void runFullCheck() throws Exception {
        assumeTrue(Platform.current() == Platform.LINUX, "these assertions read Linux's /proc");
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HostPort relay = new HostPort("127.0.0.1", listener.getLocalPort());
        // Only loopback targets: a TCP endpoint that listens and one that does not, and no gateway ping.
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DiagnosticsSettings settings = DiagnosticsSettings.defaults(relay).withGatewayCheck(false)
                .withEndpoints(List.of("localhost", "no-such-host.invalid"),
                        List.of(relay, new HostPort("127.0.0.1", closedPort)), List.of());
        try (ProbeRunner runner = ProbeRunner.standard(new ProbeContext(Platform.LINUX, new CommandRunner(), settings, Clock.systemUTC()))) {
            results = runner.run(ProbeCatalogue.ALL).get(120, TimeUnit.SECONDS).stream()
                    .collect(Collectors.toMap(ProbeResult::getProbe, r -> r));
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (listener != null) {
            listener.close();
        }
    }

    private static long meminfo(String key) throws Exception {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
    }

    @Test
    void everyProbeAnswersWithAStatusAndASummary() {
        assertEquals(ProbeCatalogue.ALL.size(), results.size());
        results.values().forEach(r -> {
            assertTrue(r.getStatus() != ProbeStatus.PROBE_STATUS_UNSPECIFIED, r.getProbe() + " has a status");
            assertFalse(r.getSummary().isBlank(), r.getProbe() + " has a summary");
            assertEquals("linux", r.getPlatform());
        });
    }

    @Test
    void systemMatchesTheKernel() throws Exception {
        ProbeResult r = results.get(Probe.SYSTEM);
        assertEquals(ProbeStatus.OK, r.getStatus(), r.getDetail());
        SystemData s = r.getSystem();
        assertEquals(meminfo("MemTotal"), s.getMemoryTotalBytes());
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), s.getHostname());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.getLogicalCores());
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        assertTrue(Math.abs(uptime - s.getUptimeSeconds()) < 300, "uptime " + s.getUptimeSeconds() + " vs " + uptime);
        assertEquals(3, s.getLoadAverageCount(), "Linux has load averages");
        assertTrue(s.getCpuLoadPercent() >= 0 && s.getCpuLoadPercent() <= 100);
        assertEquals("Linux", System.getProperty("os.name"));
    }

    @Test
    void storageListsTheRootVolumeAndSaysWhyHealthIsUnknownWithoutSmartctl() {
        ProbeResult r = results.get(Probe.STORAGE);
        assertTrue(r.getStorage().getVolumesList().stream().anyMatch(v -> v.getMount().equals("/") && v.getTotalBytes() > 0),
                "the root volume: " + r.getStorage().getVolumesList());
        if (new CommandRunner().find("smartctl").isEmpty()) {
            assertEquals(ProbeStatus.PARTIAL, r.getStatus());
            assertTrue(r.getNotesList().stream().anyMatch(n -> n.contains("smartctl")), r.getNotesList().toString());
            assertTrue(r.getStorage().getDisksList().stream().allMatch(d -> d.getHealthSource().isEmpty()),
                    "no health without a source");
        }
    }

    @Test
    void networkSeesTheAdaptersOfSysClassNetAndChecksOnlyConfiguredTargets() throws Exception {
        ProbeResult r = results.get(Probe.NETWORK);
        assertEquals(ProbeStatus.OK, r.getStatus(), r.getDetail());
        List<String> sys;
        try (var names = Files.list(Path.of("/sys/class/net"))) {
            sys = names.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> seen = r.getNetwork().getInterfacesList().stream().map(i -> i.getName()).sorted().toList();
        assertTrue(sys.containsAll(seen) && !seen.isEmpty(), seen + " within " + sys);
        for (var i : r.getNetwork().getInterfacesList()) {
            assertEquals(Files.exists(Path.of("/sys/class/net", i.getName(), "device")), i.getPhysical(), i.getName());
            String oper = Files.readString(Path.of("/sys/class/net", i.getName(), "operstate")).strip();
            assertEquals(oper.equals("up"), i.getLinkUp(), i.getName() + " operstate " + oper);
        }
        var names = r.getNetwork().getNamesList();
        assertEquals(List.of("localhost", "no-such-host.invalid"), names.stream().map(n -> n.getName()).toList());
        assertTrue(names.get(0).getResolved() && names.get(0).getAddressesCount() > 0);
        assertFalse(names.get(1).getResolved(), "a .invalid name never resolves");
        assertTrue(r.getNetwork().getEndpoints(0).getReachable());
        assertFalse(r.getNetwork().getEndpoints(1).getReachable(), "nothing listens there");
        assertTrue(r.getNetwork().getRelay().getReachable());
        assertEquals(3, r.getNetwork().getRelay().getSamplesMsCount());
        assertFalse(r.getNetwork().hasGateway(), "the gateway is not pinged when turned off");
        assertTrue(r.getNotesList().stream().anyMatch(n -> n.startsWith("gateway reachability: not checked")));
    }

    @Test
    void processesAreTheTopFifteenWithoutCommandLines() {
        ProbeResult r = results.get(Probe.PROCESSES);
        assertEquals(ProbeStatus.OK, r.getStatus(), r.getDetail());
        assertTrue(r.getProcesses().getProcessCount() > 1);
        assertTrue(r.getProcesses().getTopMemoryCount() <= 15 && r.getProcesses().getTopMemoryCount() > 0);
        assertTrue(r.getProcesses().getTopCpuCount() <= 15);
        long pid = ProcessHandle.current().pid();
        // This JVM is one of the larger processes here, and its name is "java".
        assertTrue(r.getProcesses().getTopMemoryList().stream().anyMatch(p -> p.getPid() == pid && p.getName().equals("java")),
                "this JVM among the largest");
        List<Long> sizes = r.getProcesses().getTopMemoryList().stream().map(p -> p.getResidentBytes()).toList();
        assertEquals(sizes.stream().sorted(java.util.Comparator.reverseOrder()).toList(), sizes, "largest first");
    }

    @Test
    void recentErrorsComeFromTheJournalOrSayWhyNot() {
        ProbeResult r = results.get(Probe.RECENT_ERRORS);
        if (new CommandRunner().find("journalctl").isEmpty()) {
            assertEquals(ProbeStatus.UNAVAILABLE, r.getStatus());
            assertTrue(r.getDetail().contains("journalctl"));
        } else {
            assertTrue(r.getStatus() == ProbeStatus.OK || r.getStatus() == ProbeStatus.PARTIAL, r.getStatus() + " " + r.getDetail());
            assertEquals("systemd journal", r.getErrors().getSource());
            assertEquals(24, r.getErrors().getWindowHours());
            assertTrue(r.getErrors().getEntriesCount() <= ErrorLogProbe.KEEP_LIMIT);
        }
    }

    @Test
    void powerMatchesSysClassPowerSupply() throws Exception {
        ProbeResult r = results.get(Probe.POWER);
        boolean battery;
        try (var s = Files.list(Path.of("/sys/class/power_supply"))) {
            battery = s.anyMatch(p -> {
                try {
                    return Files.readString(p.resolve("type")).strip().equals("Battery");
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            battery = false;
        }
        assertEquals(battery, r.getPower().getHasBattery());
        if (!battery) {
            assertEquals("no battery; mains power", r.getSummary());
        }
    }

    @Test
    void updatesReadDpkgOrSayUnavailable() {
        ProbeResult r = results.get(Probe.UPDATES);
        if (Files.isReadable(UpdateProbe.DPKG_LOG)) {
            assertEquals(ProbeStatus.OK, r.getStatus(), r.getDetail());
            assertEquals(Files.exists(UpdateProbe.REBOOT_REQUIRED), r.getUpdates().getRebootPending());
        } else {
            assertTrue(r.getStatus() == ProbeStatus.UNAVAILABLE || r.getStatus() == ProbeStatus.PARTIAL);
        }
    }

    @Test
    void printersAndDisplaysAnswerWithoutInventingDevices() {
        ProbeResult printers = results.get(Probe.PRINTERS);
        assertTrue(printers.getStatus() == ProbeStatus.OK || printers.getStatus() == ProbeStatus.PARTIAL, printers.getDetail());
        if (new CommandRunner().find("lpstat").isEmpty()) {
            assertTrue(printers.getNotesList().stream().anyMatch(n -> n.contains("lpstat")));
        }
        ProbeResult displays = results.get(Probe.DISPLAYS);
        assertEquals(ProbeStatus.OK, displays.getStatus(), displays.getDetail());
        if (displays.getDisplays().getDisplaysCount() == 0) {
            assertTrue(displays.getNotesList().stream().anyMatch(n -> n.contains("EDID")));
        }
    }

    @Test
    void aProbeThatHangsTimesOutAndOneThatThrowsFailsWithoutHoldingUpTheOthers() throws Exception {
        DiagnosticProbe hangs = new DiagnosticProbe() {
            @Override
            public Probe kind() {
                return Probe.PRINTERS;
            }

            @Override
            public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
                Thread.sleep(60_000);
            }
        };
        DiagnosticProbe throwsUp = new DiagnosticProbe() {
            @Override
            public Probe kind() {
                return Probe.DISPLAYS;
            }

            @Override
            public void run(ProbeContext context, ProbeResult.Builder result) {
                throw new IllegalStateException("native call failed");
            }
        };
        DiagnosticsSettings settings = DiagnosticsSettings.defaults(null).withGatewayCheck(false).withTimeout(Duration.ofMillis(500));
        long t0 = System.nanoTime();
        try (ProbeRunner runner = new ProbeRunner(new ProbeContext(Platform.LINUX, new CommandRunner(), settings, Clock.systemUTC()),
                List.of(hangs, throwsUp, new SystemProbe()))) {
            Map<Probe, ProbeResult> r = runner.run(List.of(Probe.PRINTERS, Probe.DISPLAYS, Probe.SYSTEM, Probe.POWER))
                    .get(30, TimeUnit.SECONDS).stream().collect(Collectors.toMap(ProbeResult::getProbe, x -> x));
            assertEquals(ProbeStatus.TIMED_OUT, r.get(Probe.PRINTERS).getStatus());
            assertEquals(ProbeStatus.FAILED, r.get(Probe.DISPLAYS).getStatus());
            assertTrue(r.get(Probe.DISPLAYS).getDetail().contains("native call failed"));
            assertEquals(ProbeStatus.UNAVAILABLE, r.get(Probe.POWER).getStatus(), "not in this runner's catalogue");
            assertTrue(r.get(Probe.POWER).getSummary().contains("not available on this platform"));
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "the hanging probe did not hold the run");
    }
}
