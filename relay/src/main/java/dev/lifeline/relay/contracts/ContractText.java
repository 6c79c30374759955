package dev.lifeline.relay.contracts;

import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.ManagedServices;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import java.util.Locale;

/** One-line descriptions of contracts, for the command line and the Console's queue. */
public final class ContractText {
    private ContractText() {
    }

    public static String describe(Contract contract) {
        if (contract instanceof TimeAndMaterial tm) {
            return String.format(Locale.ROOT, "time & material, %s per hour in %d-minute steps",
                    money(tm.rateCentsPerHour()), tm.incrementMinutes());
        }
        if (contract instanceof ManagedServices ms) {
            return String.format(Locale.ROOT, "managed services, %s per month, first response %d min, resolution %d min, %s",
                    money(ms.monthlyFeeCents()), ms.firstResponseMinutes(), ms.resolutionMinutes(), ms.cover().describe());
        }
        BlockHours bh = (BlockHours) contract;
        return String.format(Locale.ROOT, "block hours, %s h bought, warn below %s h, %d-minute steps",
                hours(bh.purchasedMinutes()), hours(bh.lowBalanceMinutes()), bh.incrementMinutes());
    }

    public static String money(long cents) {
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100, Math.abs(cents) % 100);
    }

    public static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }
}
