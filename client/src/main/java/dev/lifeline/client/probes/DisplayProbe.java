package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.DisplayData;
import dev.lifeline.common.wire.diagnostics.DisplayEntry;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import oshi.hardware.Display;
import oshi.hardware.DisplayInfo;
import oshi.hardware.GraphicsCard;

/** Monitors (from their EDID, through OSHI) and graphics adapters. */
final class DisplayProbe implements DiagnosticProbe {
    @Override
    public Probe kind() {
        return Probe.DISPLAYS;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) {
        DisplayData.Builder d = DisplayData.newBuilder();
        for (Display display : context.oshi().getHardware().getDisplays().stream().limit(16).toList()) {
            DisplayInfo info = display.getDisplayInfo();
            d.addDisplays(DisplayEntry.newBuilder().setModel(Probes.cap(info.getModel(), 100))
                    .setManufacturer(Probes.cap(info.getManufacturerID(), 40))
                    .setPreferredResolution(Probes.cap(info.getPreferredResolution(), 40))
                    .setWidthCm(Math.max(0, info.getHcm())).setHeightCm(Math.max(0, info.getVcm())));
        }
        for (GraphicsCard card : context.oshi().getHardware().getGraphicsCards().stream().limit(8).toList()) {
            d.addGraphicsCards(Probes.cap(card.getName(), 120));
        }
        if (d.getDisplaysCount() == 0) {
            result.addNotes("no monitor identification (EDID) readable on this machine");
        }
        result.setDisplays(d);
        result.setSummary(d.getDisplaysCount() + " monitor(s)"
                + (d.getDisplaysCount() == 0 ? "" : ": " + String.join(", ", d.getDisplaysList().stream()
                        .map(x -> (x.getModel().isBlank() ? "unknown model" : x.getModel()) + " " + x.getPreferredResolution()).toList()))
                + ", " + d.getGraphicsCardsCount() + " graphics adapter(s)");
    }
}
