package dev.lifeline.common.transfer;

/** A range of the file the sender should read and send next; stale once {@code epoch} is behind. */
public record ChunkSlot(long offset, int length, int epoch) {
}
