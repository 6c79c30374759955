package dev.lifeline.relay.limits;

import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One {@link TokenBucket} per key (a source address, a nameplate), shared by all event loops and
 * therefore synchronized. Buckets that have refilled completely carry no information and are
 * dropped when the map grows, so an attacker cycling through keys cannot grow it without bound
 * beyond {@code maxKeys} active buckets.
 */
public final class KeyedRateLimiter<K> {
    private final int burst;
    private final double perMinute;
    private final Clock clock;
    private final int maxKeys;
    private final Map<K, TokenBucket> buckets = new HashMap<>();

    public KeyedRateLimiter(int perMinute, int burst, Clock clock) {
        this(perMinute, burst, clock, 100_000);
    }

    KeyedRateLimiter(int perMinute, int burst, Clock clock, int maxKeys) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Counts one attempt for {@code key}; false means the key is over its rate. */
    public synchronized boolean tryAcquire(K key) {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evictFull();
                if (buckets.size() >= maxKeys) {
                    // Every tracked key is still hot: refuse rather than forget a limit.
                    return false;
                }
            }
            bucket = new TokenBucket(burst, perMinute / 60.0, clock);
            buckets.put(key, bucket);
        }
        return bucket.tryTake();
    }

    public synchronized int trackedKeys() {
        return buckets.size();
    }

    private void evictFull() {
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFull()) {
                it.remove();
            }
        }
    }
}
