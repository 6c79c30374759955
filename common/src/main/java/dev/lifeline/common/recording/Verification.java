package dev.lifeline.common.recording;

/**
 * The verdict on a whole recording. ALTERED wins over TRUNCATED. {@code detail} is one sentence
 * for a person; the counts say how much of the recording can be trusted.
 */
public record Verification(Status status, String detail, long verifiedRecords, long unsignedRecords,
                           long alteredRecords, EndReason endReason, byte[] relaySigningKey) {
    public enum Status { INTACT, TRUNCATED, ALTERED }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
