package dev.lifeline.relay.accounts;

import java.time.Duration;

/**
 * Back-off after failed sign-ins: the first {@code freeAttempts} failures cost nothing, then each
 * further failure locks the account for {@code base}, doubling up to {@code max}
 * (with the defaults: 30 s, 1 min, 2 min … 1 h). A success clears the count.
 */
public record Lockout(int freeAttempts, Duration base, Duration max) {
    public static final Lockout DEFAULT = new Lockout(5, Duration.ofSeconds(30), Duration.ofHours(1));

    /** When the account unlocks after its {@code failures}-th failure at {@code nowMs}; 0 when not locked. */
    public long lockedUntil(int failures, long nowMs) {
        if (failures < freeAttempts) {
            return 0;
        }
        int doublings = Math.min(30, failures - freeAttempts);
        long millis = Math.min(max.toMillis(), base.toMillis() << doublings);
        return nowMs + millis;
    }
}
