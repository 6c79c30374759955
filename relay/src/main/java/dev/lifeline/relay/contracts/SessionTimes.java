package dev.lifeline.relay.contracts;

/** When the customer asked, when a technician picked them up, when the session ended (epoch ms). */
public record SessionTimes(long requestedAtMs, long startedAtMs, long endedAtMs) {
    public SessionTimes {
        if (startedAtMs < requestedAtMs || endedAtMs < startedAtMs) {
            throw new IllegalArgumentException("times must not run backwards");
        }
    }

    public long waitingSeconds() {
        return (startedAtMs - requestedAtMs) / 1000;
    }

    public long handlingSeconds() {
        return (endedAtMs - startedAtMs) / 1000;
    }
}
