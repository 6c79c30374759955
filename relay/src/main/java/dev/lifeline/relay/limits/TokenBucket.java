package dev.lifeline.relay.limits;

import java.time.Clock;

/**
 * A classic token bucket: holds up to {@code capacity} tokens, refills {@code refillPerSecond}
 * tokens per second, each event takes one. Not thread-safe; callers own one bucket per channel or
 * guard it themselves. Time comes from an injectable {@link Clock} so tests need not sleep.
 */
public final class TokenBucket {
    private final double capacity;
    private final double refillPerMilli;
    private final Clock clock;
    private double tokens;
    private long lastRefillMs;

    public TokenBucket(double capacity, double refillPerSecond, Clock clock) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill rate positive");
        }
        this.capacity = capacity;
        this.refillPerMilli = refillPerSecond / 1000.0;
        this.clock = clock;
        this.tokens = capacity;
        this.lastRefillMs = clock.millis();
    }

    /** Takes one token if there is one; false means the caller is over its rate. */
    public boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** True when the bucket is full again, i.e. it carries no memory of past events. */
    public boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = clock.millis();
        long elapsed = now - lastRefillMs;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerMilli);
            lastRefillMs = now;
        }
    }
}
