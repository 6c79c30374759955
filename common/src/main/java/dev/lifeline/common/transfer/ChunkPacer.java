package dev.lifeline.common.transfer;

import java.util.function.LongSupplier;

/**
 * Keeps all of a session's transfers under {@link TransferLimits#MAX_CHUNKS_PER_SECOND} (a token
 * bucket with one second of burst), so a big file never trips the relay's frame-rate limit.
 */
public final class ChunkPacer {
    private final LongSupplier nanoTime;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public ChunkPacer(int chunksPerSecond, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.perNano = chunksPerSecond / 1e9;
        this.burst = chunksPerSecond;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    public ChunkPacer() {
        this(TransferLimits.MAX_CHUNKS_PER_SECOND, System::nanoTime);
    }

    /** Takes one chunk's token if there is one. */
    public boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until the next token. */
    public long nanosUntilNext() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
