package dev.lifeline.relay.contracts;

import dev.lifeline.relay.contracts.Billing.Flag;
import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.ManagedServices;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import java.util.EnumSet;
import java.util.Set;

/**
 * The contract rules, as pure functions (no clock, no database):
 * <ul>
 *   <li>time and material: handling time rounded up to whole increments (a session that lasted
 *       at all bills at least one), times the hourly rate, rounded to the cent;</li>
 *   <li>managed services: nothing charged per session (the fee is monthly), handling rounded up to
 *       minutes for the record; first response = waiting time within the hours of cover,
 *       resolution = request to end within cover, each against its target;</li>
 *   <li>block hours: handling rounded up to increments is drawn from the block; below the
 *       threshold the session is flagged LOW_BALANCE, at or past zero BLOCK_EXHAUSTED (and
 *       OVERDRAWN when it went below zero) — never refused.</li>
 * </ul>
 */
public final class BillingCalculator {
    private BillingCalculator() {
    }

    /** @param blockMinutesUsedBefore minutes already drawn from the block before this session (block hours only) */
    public static Billing bill(Contract contract, SessionTimes times, long blockMinutesUsedBefore) {
        long waiting = times.waitingSeconds();
        long handling = times.handlingSeconds();
        long handlingMs = times.endedAtMs() - times.startedAtMs();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (contract instanceof TimeAndMaterial tm) {
            long billed = roundUp(handlingMs, tm.incrementMinutes());
            long cents = Math.round(billed * (double) tm.rateCentsPerHour() / 60.0);
            return new Billing(waiting, handling, billed, cents, 0, 0, null, null, Set.copyOf(flags));
        }
        if (contract instanceof ManagedServices ms) {
            long billed = roundUp(handlingMs, 1);
            long firstResponse = ms.cover().coveredMillis(times.requestedAtMs(), times.startedAtMs());
            long resolution = ms.cover().coveredMillis(times.requestedAtMs(), times.endedAtMs());
            boolean firstMet = firstResponse <= ms.firstResponseMinutes() * 60_000L;
            boolean resolvedMet = resolution <= ms.resolutionMinutes() * 60_000L;
            if (!firstMet) {
                flags.add(Flag.FIRST_RESPONSE_BREACHED);
            }
            if (!resolvedMet) {
                flags.add(Flag.RESOLUTION_BREACHED);
            }
            return new Billing(waiting, handling, billed, 0, 0, 0, firstMet, resolvedMet, Set.copyOf(flags));
        }
        BlockHours bh = (BlockHours) contract;
        long billed = roundUp(handlingMs, bh.incrementMinutes());
        long remaining = bh.purchasedMinutes() - blockMinutesUsedBefore - billed;
        if (remaining <= 0) {
            flags.add(Flag.BLOCK_EXHAUSTED);
        }
        if (remaining < 0) {
            flags.add(Flag.OVERDRAWN);
        }
        if (remaining > 0 && remaining < bh.lowBalanceMinutes()) {
            flags.add(Flag.LOW_BALANCE);
        }
        return new Billing(waiting, handling, billed, 0, billed, remaining, null, null, Set.copyOf(flags));
    }

    /** Handling time in whole increments, rounded up; zero only for a session of zero length. */
    static long roundUp(long handlingMs, int incrementMinutes) {
        long incrementMs = incrementMinutes * 60_000L;
        long increments = (handlingMs + incrementMs - 1) / incrementMs;
        return increments * incrementMinutes;
    }

    /** SLA state of a customer still waiting: how much of the first-response target is used. */
    public enum SlaState { NONE, ON_TRACK, AT_RISK, BREACHED }

    /** At risk once three quarters of the first-response target (within cover) are gone. */
    public static SlaState waitingSla(Contract contract, long requestedAtMs, long nowMs) {
        if (!(contract instanceof ManagedServices ms)) {
            return SlaState.NONE;
        }
        long used = ms.cover().coveredMillis(requestedAtMs, nowMs);
        long target = ms.firstResponseMinutes() * 60_000L;
        if (used > target) {
            return SlaState.BREACHED;
        }
        return used * 4 >= target * 3 ? SlaState.AT_RISK : SlaState.ON_TRACK;
    }
}
