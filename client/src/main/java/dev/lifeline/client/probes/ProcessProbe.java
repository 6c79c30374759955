package dev.lifeline.client.probes;

import dev.lifeline.common.diagnostics.FindingRules;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProcessData;
import dev.lifeline.common.wire.diagnostics.ProcessEntry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The top 15 processes by processor (measured over one second) and by memory, through OSHI. Names only, never command lines. */
final class ProcessProbe implements DiagnosticProbe {
    static final int TOP = 15;
    static final long SAMPLE_MS = 1000;

    @Override
    public Probe kind() {
        return Probe.PROCESSES;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        OperatingSystem os = context.oshi().getOperatingSystem();
        Map<Integer, OSProcess> before = new HashMap<>();
        os.getProcesses().forEach(p -> before.put(p.getProcessID(), p));
        Thread.sleep(SAMPLE_MS);
        List<OSProcess> now = os.getProcesses();
        Map<Integer, Double> cpu = new HashMap<>();
        for (OSProcess p : now) {
            OSProcess prior = before.get(p.getProcessID());
            cpu.put(p.getProcessID(), prior == null ? 0 : Math.max(0, p.getProcessCpuLoadBetweenTicks(prior)) * 100);
        }
        ProcessData.Builder d = ProcessData.newBuilder().setProcessCount(now.size());
        now.stream().sorted(Comparator.comparingDouble((OSProcess p) -> cpu.get(p.getProcessID())).reversed()).limit(TOP)
                .forEach(p -> d.addTopCpu(entry(p, cpu.get(p.getProcessID()))));
        now.stream().sorted(Comparator.comparingLong(OSProcess::getResidentMemory).reversed()).limit(TOP)
                .forEach(p -> d.addTopMemory(entry(p, cpu.get(p.getProcessID()))));
        result.setProcesses(d);
        String topCpu = d.getTopCpuCount() == 0 ? "-" : String.format(Locale.ROOT, "%s %.0f %%", d.getTopCpu(0).getName(), d.getTopCpu(0).getCpuPercent());
        String topMem = d.getTopMemoryCount() == 0 ? "-" : d.getTopMemory(0).getName() + " " + FindingRules.bytes(d.getTopMemory(0).getResidentBytes());
        result.setSummary(now.size() + " processes; busiest: " + topCpu + "; largest: " + topMem);
    }

    private static ProcessEntry entry(OSProcess p, double cpuPercent) {
        return ProcessEntry.newBuilder().setPid(Math.max(0, p.getProcessID())).setName(Probes.cap(p.getName(), 100))
                .setCpuPercent(cpuPercent).setResidentBytes(Math.max(0, p.getResidentMemory()))
                .setUser(Probes.cap(p.getUser(), 64)).build();
    }
}
