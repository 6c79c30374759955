package dev.lifeline.common.screen;

/** What the technician asks the encoder for. */
public enum Quality {
    /** Lossless text and UI, JPEG for photo-like areas; photo areas sharpen once they stop changing. */
    AUTO,
    /** Lossless everywhere: every pixel as on the customer's screen. */
    SHARP,
    /** JPEG at lower quality for photo-like areas and fewer colours when the link is congested. */
    FAST
}
