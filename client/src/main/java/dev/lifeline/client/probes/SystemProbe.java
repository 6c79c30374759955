package dev.lifeline.client.probes;

import dev.lifeline.common.diagnostics.FindingRules;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.SystemData;
import java.util.Locale;
import java.util.TreeSet;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSSession;
import oshi.software.os.OperatingSystem;

/** OS, version, uptime, processor, memory, load and signed-in users, all through OSHI. */
final class SystemProbe implements DiagnosticProbe {
    @Override
    public Probe kind() {
        return Probe.SYSTEM;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) {
        SystemInfo si = context.oshi();
        OperatingSystem os = si.getOperatingSystem();
        CentralProcessor cpu = si.getHardware().getProcessor();
        GlobalMemory mem = si.getHardware().getMemory();
        SystemData.Builder d = SystemData.newBuilder()
                .setOsFamily(Probes.cap(os.getFamily(), 100))
                .setOsVersion(Probes.cap(os.getVersionInfo().getVersion(), 100))
                .setOsBuild(Probes.cap(os.getVersionInfo().getBuildNumber(), 100))
                .setHostname(Probes.cap(os.getNetworkParams().getHostName(), 255))
                .setUptimeSeconds(Math.max(0, os.getSystemUptime()))
                .setBootTimeMs(os.getSystemBootTime() * 1000)
                .setCpuModel(Probes.cap(cpu.getProcessorIdentifier().getName().strip(), 200))
                .setPhysicalCores(cpu.getPhysicalProcessorCount())
                .setLogicalCores(cpu.getLogicalProcessorCount())
                .setMemoryTotalBytes(mem.getTotal())
                .setMemoryAvailableBytes(mem.getAvailable())
                .setSwapTotalBytes(mem.getVirtualMemory().getSwapTotal())
                .setSwapUsedBytes(mem.getVirtualMemory().getSwapUsed())
                .setArchitecture(System.getProperty("os.arch", ""));
        double load = cpu.getSystemCpuLoad(1000);
        d.setCpuLoadPercent(load < 0 ? -1 : load * 100);
        double[] avg = cpu.getSystemLoadAverage(3);
        if (avg.length == 3 && avg[0] >= 0) {
            for (double a : avg) {
                d.addLoadAverage(a);
            }
        } else {
            result.addNotes("load average: not available on this platform");
        }
        TreeSet<String> users = new TreeSet<>();
        for (OSSession s : os.getSessions()) {
            if (users.size() < 32 && s.getUserName() != null && !s.getUserName().isBlank()) {
                users.add(Probes.cap(s.getUserName(), 64));
            }
        }
        d.addAllLoggedInUsers(users);
        try {
            d.setManufacturer(Probes.cap(si.getHardware().getComputerSystem().getManufacturer(), 100))
                    .setModel(Probes.cap(si.getHardware().getComputerSystem().getModel(), 100));
            si.getHardware().getVirtualization().ifPresent(v -> d.setVirtualization(Probes.cap(v, 100)));
        } catch (RuntimeException e) {
            result.addNotes("manufacturer and model: not readable (" + e.getClass().getSimpleName() + ")");
        }
        result.setSystem(d);
        result.setSummary(String.format(Locale.ROOT, "%s %s on %s, up %s, %s of %s memory free, processor %s busy",
                d.getOsFamily(), d.getOsVersion(), d.getHostname(), uptime(d.getUptimeSeconds()),
                FindingRules.bytes(d.getMemoryAvailableBytes()), FindingRules.bytes(d.getMemoryTotalBytes()),
                d.getCpuLoadPercent() < 0 ? "?" : String.format(Locale.ROOT, "%.0f %%", d.getCpuLoadPercent())));
    }

    static String uptime(long seconds) {
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        return days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
