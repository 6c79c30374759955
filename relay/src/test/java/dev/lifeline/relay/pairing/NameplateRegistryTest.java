package dev.lifeline.relay.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.limits.MutableClock;
import dev.lifeline.relay.pairing.NameplateRegistry.ClaimStatus;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameplateRegistryTest {
    private final MutableClock clock = new MutableClock();
    private final NameplateRegistry registry =
            new NameplateRegistry(clock, Duration.ofMinutes(10), 10_000, new Random(1));

    @Test
    void lengthGrowsWithLoad() {
        assertEquals(3, NameplateRegistry.digitsFor(0));
        assertEquals(3, NameplateRegistry.digitsFor(449));
        assertEquals(4, NameplateRegistry.digitsFor(450));
        assertEquals(4, NameplateRegistry.digitsFor(4499));
        assertEquals(5, NameplateRegistry.digitsFor(4500));
    }

    @Test
    void nameplatesAreUniqueAndShortWhileLoadIsLow() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            Entry e = registry.allocate("");
            assertTrue(seen.add(e.nameplate()), "duplicate " + e.nameplate());
            assertTrue(e.nameplate().matches("[1-9]\\d{" + (i < 450 ? 2 : 3) + "}"), e.nameplate());
        }
        assertEquals(600, registry.size());
    }

    @Test
    void claimPairsOnceThenBusy() throws Exception {
        Entry e = registry.allocate("Ada");
        var claim = registry.claim(e.nameplate());
        assertEquals(ClaimStatus.CLAIMED, claim.status());
        assertSame(e, claim.entry());
        assertEquals(ClaimStatus.BUSY, registry.claim(e.nameplate()).status());
        assertEquals(ClaimStatus.UNKNOWN, registry.claim("999999").status());
        assertFalse(registry.forceExpire(e), "a paired nameplate does not expire");
        assertNull(registry.reallocateIfWaiting(e, "Ada"), "a claimed code is not burnt");
        assertTrue(registry.rewait(e));
        assertEquals(ClaimStatus.CLAIMED, registry.claim(e.nameplate()).status());
        registry.release(e);
        assertEquals(0, registry.size());
    }

    @Test
    void expiredCodesCannotBeClaimed() throws Exception {
        Entry e = registry.allocate("");
        assertEquals(clock.millis() + 600_000, e.expiresAtMs());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, registry.millisUntilExpiry(e));
        assertEquals(ClaimStatus.UNKNOWN, registry.claim(e.nameplate()).status());
        assertTrue(registry.forceExpire(e));
        assertFalse(registry.isLive(e.nameplate()));
    }

    @Test
    void rewaitGivesANewExpiry() throws Exception {
        Entry e = registry.allocate("");
        registry.claim(e.nameplate());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(registry.rewait(e));
        assertEquals(clock.millis() + 600_000, e.expiresAtMs());
    }

    @Test
    void reallocateBurnsTheOldCode() throws Exception {
        Entry old = registry.allocate("");
        Entry fresh = registry.reallocateIfWaiting(old, "");
        assertEquals(1, registry.size());
        assertTrue(registry.isLive(fresh.nameplate()));
        assertFalse(registry.rewait(old), "the burnt entry is gone for good");
    }

    @Test
    void capIsEnforced() throws Exception {
        NameplateRegistry small = new NameplateRegistry(clock, Duration.ofMinutes(1), 2);
        small.allocate("");
        small.allocate("");
        assertThrows(NameplateRegistry.RegistryFullException.class, () -> small.allocate(""));
    }
}
