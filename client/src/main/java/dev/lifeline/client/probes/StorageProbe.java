package dev.lifeline.client.probes;

import com.google.gson.JsonParseException;
import dev.lifeline.common.diagnostics.FindingRules;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.StorageData;
import dev.lifeline.common.wire.diagnostics.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import oshi.hardware.HWDiskStore;
import oshi.software.os.OSFileStore;

/**
 * Volumes and free space (OSHI), disks (OSHI), disk health through {@code smartctl -j} where
 * smartmontools is installed and readable; OSHI has no SMART reader, so without smartctl the
 * health stays unknown and a note says why.
 */
final class StorageProbe implements DiagnosticProbe {
    static final int MAX_VOLUMES = 64;
    static final int MAX_DISKS = 16;
    private static final int SMART_OUTPUT_BYTES = 256 * 1024;

    @Override
    public Probe kind() {
        return Probe.STORAGE;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        StorageData.Builder d = StorageData.newBuilder();
        for (OSFileStore fs : context.oshi().getOperatingSystem().getFileSystem().getFileStores(true)) {
            if (d.getVolumesCount() >= MAX_VOLUMES) {
                result.addNotes("more than " + MAX_VOLUMES + " volumes; the rest left out");
                break;
            }
            d.addVolumes(Volume.newBuilder().setMount(Probes.cap(fs.getMount(), 200)).setName(Probes.cap(fs.getName(), 100))
                    .setType(Probes.cap(fs.getType(), 40)).setTotalBytes(Math.max(0, fs.getTotalSpace()))
                    .setUsableBytes(Math.max(0, fs.getUsableSpace())).setLocal(fs.isLocal()));
        }
        List<Disk> disks = new ArrayList<>();
        for (HWDiskStore ds : context.oshi().getHardware().getDiskStores()) {
            if (disks.size() >= MAX_DISKS) {
                break;
            }
            disks.add(Disk.newBuilder().setName(Probes.cap(ds.getName(), 100)).setModel(Probes.cap(ds.getModel().strip(), 120))
                    .setSerial(Probes.cap(ds.getSerial().strip(), 120)).setSizeBytes(Math.max(0, ds.getSize())).build());
        }
        smart(context, disks, result);
        d.addAllDisks(disks);
        result.setStorage(d);
        long failing = disks.stream().filter(x -> x.getHealth() == DiskHealth.FAILING).count();
        long known = disks.stream().filter(x -> x.getHealth() != DiskHealth.DISK_HEALTH_UNSPECIFIED).count();
        String least = d.getVolumesList().stream().filter(v -> v.getTotalBytes() > 0)
                .min((a, b) -> Double.compare((double) a.getUsableBytes() / a.getTotalBytes(), (double) b.getUsableBytes() / b.getTotalBytes()))
                .map(v -> String.format(Locale.ROOT, ", least free: %s (%s of %s)", v.getMount(),
                        FindingRules.bytes(v.getUsableBytes()), FindingRules.bytes(v.getTotalBytes())))
                .orElse("");
        result.setSummary(d.getVolumesCount() + " volumes, " + disks.size() + " disks" + least
                + (known == 0 ? ", disk health unknown" : failing > 0 ? ", " + failing + " disk(s) FAILING" : ", SMART passed"));
    }

    private static void smart(ProbeContext context, List<Disk> disks, ProbeResult.Builder result) throws InterruptedException {
        CommandRunner commands = context.commands();
        if (commands.find("smartctl").isEmpty()) {
            result.setStatus(ProbeStatus.PARTIAL).addNotes("disk health: smartctl (smartmontools) is not installed; "
                    + "OSHI does not read SMART");
            return;
        }
        Duration timeout = Duration.ofSeconds(Math.max(2, context.settings().probeTimeout().toSeconds() / 3));
        try {
            CommandOutput scan = commands.run("smartctl", List.of("--scan", "-j"), timeout, SMART_OUTPUT_BYTES);
            List<String> devices = SmartctlParser.scan(scan.stdout());
            if (devices.isEmpty()) {
                result.setStatus(ProbeStatus.PARTIAL).addNotes("disk health: smartctl found no devices it may read"
                        + " (it usually needs administrator rights)");
            }
            for (String device : devices.stream().limit(MAX_DISKS).toList()) {
                CommandOutput out = commands.run("smartctl", List.of("-j", "-a", device), timeout, SMART_OUTPUT_BYTES);
                Disk smart = SmartctlParser.disk(out.stdout(), device);
                merge(disks, smart);
                if (smart.getHealth() == DiskHealth.DISK_HEALTH_UNSPECIFIED) {
                    result.setStatus(ProbeStatus.PARTIAL).addNotes("disk health of " + device + ": not readable"
                            + (smart.getSmartMessagesCount() > 0 ? " (" + smart.getSmartMessages(0) + ")" : ""));
                }
            }
        } catch (ProbeUnavailableException | java.io.IOException | TimeoutException | JsonParseException | IllegalStateException e) {
            result.setStatus(ProbeStatus.PARTIAL).addNotes("disk health: smartctl failed: " + Probes.cap(e.getMessage(), 200));
        }
    }

    /** SMART data joins the OSHI disk of the same device or serial; an unmatched device is added. */
    static void merge(List<Disk> disks, Disk smart) {
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            boolean same = d.getName().equals(smart.getName())
                    || (!smart.getSerial().isBlank() && smart.getSerial().equals(d.getSerial()));
            if (same) {
                Disk.Builder merged = d.toBuilder().mergeFrom(smart).setName(d.getName());
                if (d.getSizeBytes() > 0) {
                    merged.setSizeBytes(d.getSizeBytes());
                }
                if (merged.getModel().isBlank()) {
                    merged.setModel(d.getModel());
                }
                disks.set(i, merged.build());
                return;
            }
        }
        if (disks.size() < MAX_DISKS) {
            disks.add(smart);
        }
    }
}
