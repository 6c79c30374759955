package dev.lifeline.common.recording;

/**
 * One forwarded Data frame in a recording: who sent it, its sequence number, when the relay
 * received it, and where its payload lies in the file (read it with {@link RecordingReader#payload}).
 */
public record RecordedFrame(long record, Sender from, long seq, long receivedAtMs, long payloadOffset,
                            int payloadLength, Integrity integrity) {
}
