package dev.lifeline.common.recording;

/** What the hash chain and the relay's signatures say about one record. */
public enum Integrity {
    /** Covered by a checkpoint or end signature that verifies. */
    VERIFIED,
    /** After the last signature (the relay stopped before it could sign): readable, not vouched for. */
    UNSIGNED,
    /** In a chunk whose hash or signature does not match: altered, reordered, removed or inserted. */
    ALTERED
}
