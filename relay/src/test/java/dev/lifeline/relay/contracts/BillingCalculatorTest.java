package dev.lifeline.relay.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.contracts.Billing.Flag;
import dev.lifeline.relay.contracts.BillingCalculator.SlaState;
import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.ManagedServices;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingCalculatorTest {
    static final long T0 = Instant.parse("2026-11-23T09:00:00Z").toEpochMilli();

    static SessionTimes times(long waitSeconds, long handleSeconds) {
        return new SessionTimes(T0, T0 + waitSeconds * 1000, T0 + (waitSeconds + handleSeconds) * 1000);
    }

    @ParameterizedTest(name = "{0} s handled, {1}-minute steps -> {2} min, {3} cents at 90.00/h")
    @CsvSource({
        "0, 15, 0, 0",
        "1, 15, 15, 2250",
        "900, 15, 15, 2250",
        "901, 15, 30, 4500",
        "3599, 15, 60, 9000",
        "3601, 6, 66, 9900",
        "61, 1, 2, 300",
    })
    void timeAndMaterialBillsPerStartedIncrement(long handled, int increment, long minutes, long cents) {
        Billing b = BillingCalculator.bill(new TimeAndMaterial(9000, increment), times(120, handled), 0);
        assertEquals(minutes, b.billedMinutes());
        assertEquals(cents, b.amountCents());
        assertEquals(120, b.waitingSeconds());
        assertEquals(handled, b.handlingSeconds());
        assertNull(b.firstResponseMet());
    }

    @Test
    void timeAndMaterialRoundsOddRatesToTheCent() {
        // 85.55/h for 15 minutes = 21.3875 -> 21.39
        assertEquals(2139, BillingCalculator.bill(new TimeAndMaterial(8555, 15), times(0, 600), 0).amountCents());
    }

    @Test
    void managedServicesChargesNothingPerSessionAndChecksTheSla() {
        ManagedServices ms = new ManagedServices(150_000, 30, 240, HoursOfCover.ALWAYS);
        Billing met = BillingCalculator.bill(ms, times(29 * 60, 3600), 0);
        assertEquals(0, met.amountCents());
        assertEquals(60, met.billedMinutes());
        assertTrue(met.firstResponseMet());
        assertTrue(met.resolutionMet());
        assertEquals(Set.of(), met.flags());

        Billing late = BillingCalculator.bill(ms, times(31 * 60, 210 * 60), 0);
        assertFalse(late.firstResponseMet());
        assertFalse(late.resolutionMet(), "31 + 210 minutes > 240");
        assertEquals(Set.of(Flag.FIRST_RESPONSE_BREACHED, Flag.RESOLUTION_BREACHED), late.flags());
    }

    @Test
    void slaClockStopsOutsideHoursOfCover() {
        HoursOfCover office = HoursOfCover.parse("mon-fri 08-18 Europe/Berlin");
        ManagedServices ms = new ManagedServices(100_000, 30, 240, office);
        // Friday 17:50 Berlin (16:50 UTC) -> picked Monday 08:15 Berlin: 10 + 15 = 25 covered minutes.
        long friday = Instant.parse("2026-11-20T16:50:00Z").toEpochMilli();
        long monday = Instant.parse("2026-11-23T07:15:00Z").toEpochMilli();
        assertEquals(25 * 60_000L, office.coveredMillis(friday, monday));
        Billing b = BillingCalculator.bill(ms, new SessionTimes(friday, monday, monday + 20 * 60_000), 0);
        assertTrue(b.firstResponseMet());
        assertEquals(SlaState.ON_TRACK, BillingCalculator.waitingSla(ms, friday, monday - 10 * 60_000));
        assertEquals(SlaState.AT_RISK, BillingCalculator.waitingSla(ms, friday, monday));
        assertEquals(SlaState.AT_RISK, BillingCalculator.waitingSla(ms, friday, monday + 2 * 60_000));
        assertEquals(SlaState.BREACHED, BillingCalculator.waitingSla(ms, friday, monday + 6 * 60_000));
        assertEquals(SlaState.NONE, BillingCalculator.waitingSla(new TimeAndMaterial(1, 1), friday, monday));
        assertEquals(24 * 60 * 60_000L, HoursOfCover.parse("24/7").coveredMillis(friday, friday + 86_400_000));
    }

    @Test
    void blockHoursDrawDownWarnAndFlagWhenExhausted() {
        BlockHours block = new BlockHours(600, 120, 15); // 10 h, warn below 2 h
        Billing first = BillingCalculator.bill(block, times(0, 50 * 60), 0);
        assertEquals(60, first.blockMinutesDrawn());
        assertEquals(540, first.blockMinutesRemaining());
        assertEquals(Set.of(), first.flags());

        Billing low = BillingCalculator.bill(block, times(0, 30 * 60), 460);
        assertEquals(110, low.blockMinutesRemaining());
        assertEquals(Set.of(Flag.LOW_BALANCE), low.flags());

        Billing exact = BillingCalculator.bill(block, times(0, 15 * 60), 585);
        assertEquals(0, exact.blockMinutesRemaining());
        assertEquals(Set.of(Flag.BLOCK_EXHAUSTED), exact.flags());

        Billing over = BillingCalculator.bill(block, times(0, 40 * 60), 585);
        assertEquals(-30, over.blockMinutesRemaining());
        assertEquals(Set.of(Flag.BLOCK_EXHAUSTED, Flag.OVERDRAWN), over.flags(), "allowed, but flagged");
        assertEquals(0, over.amountCents());
    }

    @Test
    void invalidContractsAndTimesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TimeAndMaterial(9000, 0));
        assertThrows(IllegalArgumentException.class, () -> new ManagedServices(1, 60, 30, HoursOfCover.ALWAYS));
        assertThrows(IllegalArgumentException.class, () -> new BlockHours(-1, 0, 15));
        assertThrows(IllegalArgumentException.class, () -> new SessionTimes(10, 5, 20));
        assertThrows(IllegalArgumentException.class, () -> HoursOfCover.parse("weekends"));
    }
}
