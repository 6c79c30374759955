package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.Battery;
import dev.lifeline.common.wire.diagnostics.PowerData;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import java.util.List;
import java.util.Locale;
import oshi.hardware.PowerSource;

/** Batteries (charge, capacity against design, cycles) and mains power, through OSHI. */
final class PowerProbe implements DiagnosticProbe {
    @Override
    public Probe kind() {
        return Probe.POWER;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) {
        List<PowerSource> sources = context.oshi().getHardware().getPowerSources();
        PowerData.Builder d = PowerData.newBuilder().setHasBattery(!sources.isEmpty()).setOnAcPower(sources.isEmpty());
        for (PowerSource s : sources.stream().limit(8).toList()) {
            d.addBatteries(battery(s.getName(), s.getRemainingCapacityPercent() * 100, s.getDesignCapacity(), s.getMaxCapacity(),
                    s.getCycleCount(), s.isCharging(), s.getChemistry(), String.valueOf(s.getCapacityUnits())));
            d.setOnAcPower(d.getOnAcPower() || s.isPowerOnLine());
        }
        result.setPower(d);
        result.setSummary(sources.isEmpty() ? "no battery; mains power"
                : d.getBatteriesList().stream().map(b -> String.format(Locale.ROOT, "%s %.0f %% charged, health %s",
                        b.getName(), b.getChargePercent(), b.getHealthPercent() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f %%", b.getHealthPercent())))
                        .reduce((a, b) -> a + "; " + b).orElse("") + (d.getOnAcPower() ? "; on mains" : "; on battery"));
    }

    static Battery battery(String name, double chargePercent, int design, int full, int cycles, boolean charging,
                           String chemistry, String units) {
        double health = design > 0 && full > 0 ? 100.0 * full / design : -1;
        return Battery.newBuilder().setName(Probes.cap(name, 64)).setChargePercent(chargePercent)
                .setDesignCapacity(Math.max(0, design)).setFullCapacity(Math.max(0, full)).setHealthPercent(health)
                .setCycleCount(cycles < 0 ? -1 : cycles).setCharging(charging).setChemistry(Probes.cap(chemistry, 40))
                .setCapacityUnits(Probes.cap(units, 20)).build();
    }
}
