package dev.lifeline.relay.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Ping;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.RelayError;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void tokenBucketAllowsBurstThenRefills() {
        TokenBucket bucket = new TokenBucket(3, 1, clock);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        clock.advance(Duration.ofMillis(999));
        assertFalse(bucket.tryTake());
        clock.advance(Duration.ofMillis(1));
        assertTrue(bucket.tryTake());
        assertFalse(bucket.isFull());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(bucket.isFull());
    }

    @Test
    void keyedLimiterSeparatesKeysAndEvictsIdleOnes() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(6, 2, clock, 2);
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"));
        // Map full and both keys still hot: a third key is refused rather than a limit forgotten.
        assertFalse(limiter.tryAcquire("c"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("c"));
        assertEquals(1, limiter.trackedKeys());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void frameRateLimiterClosesAFlood() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameRateLimiter(10, 5, clock));
        RelayFrame ping = RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(1)).build();
        for (int i = 0; i < 5; i++) {
            assertTrue(ch.writeInbound(ping));
            assertEquals(ping, ch.readInbound());
        }
        assertFalse(ch.writeInbound(ping));
        RelayFrame error = ch.readOutbound();
        RelayError body = error.getError();
        assertEquals(ErrorCode.RATE_LIMITED, body.getCode());
        assertTrue(body.getFatal());
        ch.runPendingTasks();
        assertFalse(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void frameRateLimiterLetsASteadyRateThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameRateLimiter(10, 5, clock));
        RelayFrame ping = RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(1)).build();
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(100));
            assertTrue(ch.writeInbound(ping));
            ch.readInbound();
        }
        assertTrue(ch.isActive());
        assertFalse(ch.finish());
    }
}
