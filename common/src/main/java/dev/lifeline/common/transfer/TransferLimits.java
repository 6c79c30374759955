package dev.lifeline.common.transfer;

/**
 * Sizes and counts both ends hold to. Chunks are 256 KiB rather than the 64 KiB one might
 * expect: the relay allows 400 frames a second per connection and each chunk costs a Data frame
 * plus acks, so smaller chunks would cap a transfer at a few MB/s. A window of 8 chunks (2 MiB)
 * keeps several transfers and screen sharing together well inside the 32 MiB resend buffer.
 */
public final class TransferLimits {
    public static final int CHUNK_BYTES = 256 * 1024;
    public static final int MIN_CHUNK_BYTES = 16 * 1024;
    /** Below the relay's 1 MiB frame limit with room for the envelope. */
    public static final int MAX_CHUNK_BYTES = 512 * 1024;
    /** Chunks sent and not yet acknowledged, per transfer. */
    public static final int WINDOW_CHUNKS = 8;
    /** The receiver acknowledges every this many chunks (and the last one). */
    public static final int ACK_EVERY_CHUNKS = 2;
    /** All transfers of a session together, so the relay's frame limit is never reached. */
    public static final int MAX_CHUNKS_PER_SECOND = 200;
    /** Resend requests for corrupt chunks per transfer before it fails. */
    public static final int MAX_RESENDS = 3;
    public static final long MAX_FILE_BYTES = 4L << 30;
    /** Running at once, per direction. Further offers are declined with TOO_MANY_TRANSFERS. */
    public static final int MAX_CONCURRENT = 3;
    /** File names longer than this many bytes of UTF-8 are refused (the common file-system limit). */
    public static final int MAX_NAME_BYTES = 255;
    public static final int MAX_DETAIL_CHARS = 200;

    private TransferLimits() {
    }
}
