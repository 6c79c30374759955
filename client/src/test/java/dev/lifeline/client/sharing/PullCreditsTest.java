package dev.lifeline.client.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PullCreditsTest {
    @Test
    void holdsAtMostTwoPullsAndAnswersTheOldestFirst() {
        PullCredits credits = new PullCredits(2);
        assertTrue(credits.isEmpty());
        assertTrue(credits.offer(1, 100));
        assertTrue(credits.offer(2, 200));
        assertFalse(credits.offer(3, 300), "a third pull would let updates queue");
        assertEquals(2, credits.available());
        assertEquals(new PullCredits.Pull(1, 100), credits.take());
        assertTrue(credits.offer(4, 400));
        assertEquals(2, credits.take().id());
        assertEquals(4, credits.take().id());
        assertThrows(IllegalStateException.class, credits::take);
        credits.offer(5, 500);
        credits.clear();
        assertTrue(credits.isEmpty());
    }
}
