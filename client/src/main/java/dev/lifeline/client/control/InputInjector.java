package dev.lifeline.client.control;

/**
 * Puts input into the customer's desktop as if a person did it. Called from one input thread,
 * only with events that passed consent and {@link InputMessages#fromWire}; coordinates are desktop
 * pixels.
 */
public interface InputInjector {
    void moveMouse(int x, int y);

    void pressButton(MouseButton button);

    void releaseButton(MouseButton button);

    /** Positive notches scroll down. */
    void wheel(int notches);

    void pressKey(int keyCode);

    void releaseKey(int keyCode);

    /**
     * Types one character (a Unicode code point) with this machine's keyboard.
     *
     * @throws InjectionException when this keyboard has no way to type it; nothing was pressed
     */
    void type(int codePoint) throws InjectionException;
}
