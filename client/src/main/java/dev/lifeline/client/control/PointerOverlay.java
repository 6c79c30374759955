package dev.lifeline.client.control;

/**
 * The laser pointer on the customer's screen: a dot that follows the technician's pointer and
 * fades, drawn over everything, never taking a click or the focus. Desktop coordinates.
 */
public interface PointerOverlay {
    void point(int x, int y);

    void hide();

    void close();

    /** Opens the overlay when the technician first points. */
    @FunctionalInterface
    interface Opener {
        PointerOverlay open() throws InjectionException;
    }

    Opener NONE = () -> {
        throw new InjectionException("no overlay on this machine");
    };
}
