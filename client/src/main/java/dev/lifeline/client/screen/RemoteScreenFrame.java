package dev.lifeline.client.screen;

import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;

/**
 * A newly decoded picture of the customer's screen, handed to the viewer. {@code image} is the
 * decoder's live buffer: copy what you need (at least {@code changed}) and then call
 * {@link #drawn()}, which asks for the next update. Until then nothing else is decoded into it.
 *
 * @param cursorX cursor position in image pixels, meaningful only when {@code cursorVisible}
 * @param cursorShape the pointer's new look, or null when it did not change (or is not known)
 * @param timing where the picture's time went ({@link FrameTiming#UNKNOWN} when not live)
 */
public record RemoteScreenFrame(ScreenImage image, ScreenRect changed, boolean fullRepaint, int cursorX, int cursorY,
                                boolean cursorVisible, CursorShape cursorShape, Runnable onDrawn, FrameTiming timing) {
    public RemoteScreenFrame(ScreenImage image, ScreenRect changed, boolean fullRepaint, int cursorX, int cursorY,
                             boolean cursorVisible, CursorShape cursorShape, Runnable onDrawn) {
        this(image, changed, fullRepaint, cursorX, cursorY, cursorVisible, cursorShape, onDrawn, FrameTiming.UNKNOWN);
    }

    /** The viewer has copied the picture; the next update may be decoded and requested. */
    public void drawn() {
        onDrawn.run();
    }
}
