package dev.lifeline.client.session;

/** What Get Help can do in a session besides chat: answer and control screen sharing. */
public interface CustomerSessionHandle extends SessionHandle {
    /** The customer's answer to {@link SessionListener#onScreenRequested()}. */
    void answerScreenRequest(boolean allow);

    /** Freezes the picture at once; nothing new is captured or sent until {@link #resumeScreen()}. */
    void pauseScreen();

    void resumeScreen();

    /** Ends sharing; the technician must ask again. */
    void stopScreen();
}
