package dev.lifeline.common.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChunkPacerTest {
    @Test
    void oneSecondOfBurstThenTheRate() {
        AtomicLong now = new AtomicLong();
        ChunkPacer pacer = new ChunkPacer(100, now::get);
        for (int i = 0; i < 100; i++) {
            assertTrue(pacer.tryTake(), "burst " + i);
        }
        assertFalse(pacer.tryTake());
        assertEquals(10_000_000, pacer.nanosUntilNext());
        now.addAndGet(10_000_000);
        assertTrue(pacer.tryTake());
        assertFalse(pacer.tryTake());
        now.addAndGet(60_000_000_000L);
        int taken = 0;
        while (pacer.tryTake()) {
            taken++;
        }
        assertEquals(100, taken, "an idle minute does not buy more than a second of burst");
    }
}
