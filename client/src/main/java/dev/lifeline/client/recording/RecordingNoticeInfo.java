package dev.lifeline.client.recording;

/**
 * What the person is told before a recorded session: who records, how long it is kept, and
 * whether the recording key is vouched for by the organisation they trust (else the session keys
 * are not shared with it, and nobody can play the recording).
 */
public record RecordingNoticeInfo(String organisation, int retentionDays, boolean keyVerified) {
}
