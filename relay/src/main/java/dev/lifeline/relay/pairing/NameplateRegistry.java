package dev.lifeline.relay.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Live nameplates: the relay's half of a session code. A nameplate is a random decimal number,
 * unique among live ones and as short as the load allows: 3 digits (100-999) while fewer than half
 * of those are in use, then 4 digits, and so on. A nameplate is live while its customer waits
 * (until it expires) and while its session is paired (so a second join sees it busy).
 *
 * <p>Shared by all event loops, so every method is synchronized; none does I/O.
 */
public final class NameplateRegistry {
    /** Longest nameplate we ever hand out; beyond that the relay is full. */
    static final int MAX_DIGITS = 9;

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Random random;
    private final Map<String, Entry> live = new HashMap<>();

    public NameplateRegistry(Clock clock, Duration ttl, int maxEntries) {
        this(clock, ttl, maxEntries, new SecureRandom());
    }

    NameplateRegistry(Clock clock, Duration ttl, int maxEntries, Random random) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.random = random;
    }

    /** One live nameplate. Identity matters: a released entry never comes back. */
    public static final class Entry {
        private final String nameplate;
        private final String customerName;
        private final long ttlMs;
        private long expiresAtMs;
        private boolean paired;

        private Entry(String nameplate, String customerName, long ttlMs, long nowMs) {
            this.nameplate = nameplate;
            this.customerName = customerName;
            this.ttlMs = ttlMs;
            this.expiresAtMs = nowMs + ttlMs;
        }

        public String nameplate() {
            return nameplate;
        }

        public String customerName() {
            return customerName;
        }

        public synchronized long expiresAtMs() {
            return expiresAtMs;
        }
    }

    /** Outcome of a join attempt. */
    public enum ClaimStatus { CLAIMED, UNKNOWN, BUSY }

    public record Claim(ClaimStatus status, Entry entry) {
    }

    /** Allocates a fresh nameplate for a waiting customer. */
    public synchronized Entry allocate(String customerName) throws RegistryFullException {
        return allocate(customerName, ttl);
    }

    /** Allocates a nameplate that lives {@code lifetime} (queue entries wait longer than codes). */
    public synchronized Entry allocate(String customerName, Duration lifetime) throws RegistryFullException {
        if (live.size() >= maxEntries) {
            throw new RegistryFullException();
        }
        int digits = digitsFor(live.size());
        long low = pow10(digits - 1);
        long span = 9 * low;
        String nameplate;
        do {
            nameplate = Long.toString(low + (long) (random.nextDouble() * span));
        } while (live.containsKey(nameplate));
        Entry entry = new Entry(nameplate, customerName, lifetime.toMillis(), clock.millis());
        live.put(nameplate, entry);
        return entry;
    }

    /**
     * Burning a code: releases {@code old} and allocates a new nameplate, unless a technician has
     * just claimed {@code old} (then null: the pairing goes ahead).
     */
    public synchronized Entry reallocateIfWaiting(Entry old, String customerName) throws RegistryFullException {
        if (live.get(old.nameplate) == old) {
            synchronized (old) {
                if (old.paired) {
                    return null;
                }
            }
            live.remove(old.nameplate);
        }
        return allocate(customerName);
    }

    /** A technician's join: a waiting, unexpired nameplate becomes paired. */
    public synchronized Claim claim(String nameplate) {
        Entry entry = live.get(nameplate);
        if (entry == null) {
            return new Claim(ClaimStatus.UNKNOWN, null);
        }
        synchronized (entry) {
            if (entry.paired) {
                return new Claim(ClaimStatus.BUSY, entry);
            }
            if (entry.expiresAtMs <= clock.millis()) {
                // Left in place: the customer's expiry timer removes it and tells the customer.
                return new Claim(ClaimStatus.UNKNOWN, null);
            }
            entry.paired = true;
        }
        return new Claim(ClaimStatus.CLAIMED, entry);
    }

    /** The customer rejected its technician: the same nameplate waits again with a new expiry. */
    public synchronized boolean rewait(Entry entry) {
        if (live.get(entry.nameplate) != entry) {
            return false;
        }
        synchronized (entry) {
            entry.paired = false;
            entry.expiresAtMs = clock.millis() + entry.ttlMs;
        }
        return true;
    }

    /**
     * The customer's expiry timer fired: removes {@code entry} if it is still waiting. True if it
     * did (the customer is told CODE_EXPIRED), false if it was paired or is gone already.
     */
    public synchronized boolean forceExpire(Entry entry) {
        if (live.get(entry.nameplate) != entry) {
            return false;
        }
        synchronized (entry) {
            if (entry.paired) {
                return false;
            }
        }
        live.remove(entry.nameplate);
        return true;
    }

    /** How long {@code entry} still has before it expires, between 0 and its lifetime. */
    public long millisUntilExpiry(Entry entry) {
        return Math.max(0, Math.min(entry.ttlMs, entry.expiresAtMs() - clock.millis()));
    }

    /** Forgets {@code entry}; no-op if it is already gone. */
    public synchronized void release(Entry entry) {
        if (entry != null) {
            live.remove(entry.nameplate, entry);
        }
    }

    public synchronized int size() {
        return live.size();
    }

    public synchronized boolean isLive(String nameplate) {
        return live.containsKey(nameplate);
    }

    /** Shortest length at which fewer than half of the nameplates would be in use. */
    static int digitsFor(int inUse) {
        for (int digits = 3; digits <= MAX_DIGITS; digits++) {
            if (inUse < 9 * pow10(digits - 1) / 2) {
                return digits;
            }
        }
        return MAX_DIGITS;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** No nameplate can be handed out: the relay is at its session cap. */
    public static final class RegistryFullException extends Exception {
        private static final long serialVersionUID = 1L;

        RegistryFullException() {
            super("no free nameplate");
        }
    }
}
