package dev.lifeline.client.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: timing rules are tested without sleeping. */
public final class HandClock extends Clock {
    private volatile long millis = 1_700_000_000_000L;

    public void advance(long ms) {
        millis += ms;
    }

    public long nanos() {
        return millis * 1_000_000L;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }
}
