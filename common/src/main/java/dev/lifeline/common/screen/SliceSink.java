package dev.lifeline.common.screen;

/**
 * Receives the slices of an update while the encoder is still working on the rest, so they can
 * be sent (and decoded) at once. Called on the encoding thread, in order.
 */
@FunctionalInterface
public interface SliceSink {
    SliceSink NONE = (slice, keyframe, first, last) -> {
    };

    /**
     * @param slice    the slice's bytes; the encoder does not touch them again
     * @param keyframe the update repaints the whole screen
     * @param first the update's first slice
     * @param last  the update's last slice: the viewer's picture is complete after it
     */
    void slice(byte[] slice, boolean keyframe, boolean first, boolean last);
}
