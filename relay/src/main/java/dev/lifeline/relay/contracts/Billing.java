package dev.lifeline.relay.contracts;

import java.util.Set;

/**
 * What one session costs under its contract. {@code firstResponseMet} and {@code resolutionMet}
 * are null where the contract has no SLA.
 */
public record Billing(long waitingSeconds, long handlingSeconds, long billedMinutes, long amountCents,
                      long blockMinutesDrawn, long blockMinutesRemaining, Boolean firstResponseMet,
                      Boolean resolutionMet, Set<Flag> flags) {
    public enum Flag { LOW_BALANCE, BLOCK_EXHAUSTED, OVERDRAWN, FIRST_RESPONSE_BREACHED, RESOLUTION_BREACHED }
}
