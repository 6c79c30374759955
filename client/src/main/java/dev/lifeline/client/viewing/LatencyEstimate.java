package dev.lifeline.client.viewing;

/**
 * Capture-to-picture time across two clocks, NTP style: the pull's round trip on our clock,
 * minus the time the sender held the pull, is twice the one-way network time; add the sender's
 * capture-to-send and our own decode time. Needs no clock agreement, only durations.
 */
final class LatencyEstimate {
    private LatencyEstimate() {
    }

    /**
     * @param pullSentNanos     when we sent the pull (our clock)
     * @param lastSliceNanos    when the update's last slice arrived (our clock)
     * @param decodedNanos      when the picture was decoded (our clock)
     * @param holdMicros        pull received to update sent (sender's clock)
     * @param captureToSendMicros capture to update sent (sender's clock)
     */
    static long millis(long pullSentNanos, long lastSliceNanos, long decodedNanos, long holdMicros, long captureToSendMicros) {
        long roundTripNanos = Math.max(0, lastSliceNanos - pullSentNanos - holdMicros * 1000);
        long nanos = captureToSendMicros * 1000 + roundTripNanos / 2 + Math.max(0, decodedNanos - lastSliceNanos);
        return Math.round(nanos / 1e6);
    }
}
