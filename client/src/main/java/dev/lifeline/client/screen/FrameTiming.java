package dev.lifeline.client.screen;

/**
 * Where one picture's time went, for the latency benchmark and the status line. Times are
 * {@code System.nanoTime()} on the viewer's machine; the sender's part comes as a duration.
 *
 * @param captureToSendMicros sender: capture started to the first slice handed to the session (capture + encode)
 * @param firstSliceNanos     the first slice arrived (opened) here
 * @param lastSliceNanos      the last slice arrived here
 * @param decodeStartNanos    decoding of the first slice began
 * @param decodedNanos        the last slice was decoded: the picture is complete
 * @param decodeNanos         time spent decoding, all slices together
 */
public record FrameTiming(long captureToSendMicros, long firstSliceNanos, long lastSliceNanos, long decodeStartNanos,
                          long decodedNanos, long decodeNanos) {
    public static final FrameTiming UNKNOWN = new FrameTiming(0, 0, 0, 0, 0, 0);
}
