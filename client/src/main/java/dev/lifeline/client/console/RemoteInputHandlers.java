package dev.lifeline.client.console;

import dev.lifeline.client.control.MouseButton;
import javafx.scene.Cursor;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;

/**
 * Turns JavaFX mouse and key events over the picture into plain calls on
 * {@link RemoteControlViewModel}: positions relative to the picture, JavaFX key codes (the AWT VK
 * numbers), and whether a key types text. While controlling, the events are consumed so that Tab,
 * arrows and the scroll pane's panning do not act on the Console itself.
 */
final class RemoteInputHandlers {
    /** JavaFX reports about 40 pixels per wheel notch (the platform's lines times ~13). */
    private static final double PIXELS_PER_NOTCH = 40;

    private RemoteInputHandlers() {
    }

    static void install(Pane picture, ScrollPane scroll, RemoteControlViewModel control) {
        picture.setFocusTraversable(true);
        double[] wheelRemainder = {0};
        Runnable syncPanning = () -> {
            boolean pointing = control.controllingProperty().get() || control.laserProperty().get();
            scroll.setPannable(!pointing);
            picture.setCursor(control.laserProperty().get() && !control.controllingProperty().get() ? Cursor.CROSSHAIR : Cursor.DEFAULT);
        };
        control.controllingProperty().addListener((obs, o, n) -> syncPanning.run());
        control.laserProperty().addListener((obs, o, n) -> syncPanning.run());

        picture.addEventFilter(MouseEvent.MOUSE_MOVED, e -> control.pointerMoved(e.getX(), e.getY()));
        picture.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            control.pointerMoved(e.getX(), e.getY());
            if (control.isActive()) {
                e.consume();
            }
        });
        picture.addEventFilter(MouseEvent.MOUSE_EXITED, e -> control.pointerExited());
        picture.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            picture.requestFocus(); // keys go to the customer while the picture has the focus
            MouseButton button = button(e);
            if (button != null && control.isActive()) {
                control.pointerButton(e.getX(), e.getY(), button, true);
                e.consume();
            }
        });
        picture.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            MouseButton button = button(e);
            if (button != null) {
                control.pointerButton(e.getX(), e.getY(), button, false);
                if (control.isActive()) {
                    e.consume();
                }
            }
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!control.isActive() || e.getDeltaY() == 0) {
                return;
            }
            // JavaFX: positive deltaY scrolls up; Robot: positive notches scroll down.
            wheelRemainder[0] -= e.getDeltaY() / PIXELS_PER_NOTCH;
            int notches = (int) wheelRemainder[0];
            if (notches == 0) {
                e.consume();
                return;
            }
            wheelRemainder[0] -= notches;
            control.wheel(notches);
            e.consume();
        });
        picture.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!control.isActive()) {
                return;
            }
            KeyCode code = e.getCode();
            boolean shortcut = e.isControlDown() || e.isAltDown() || e.isMetaDown();
            control.keyPressed(code.getCode(), typesText(code), shortcut);
            e.consume();
        });
        picture.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            control.keyReleased(e.getCode().getCode());
            if (control.isActive()) {
                e.consume();
            }
        });
        picture.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!control.isActive()) {
                return;
            }
            control.typed(e.getCharacter(), e.isControlDown() || e.isMetaDown() || (e.isAltDown() && !e.isControlDown()));
            e.consume();
        });
        picture.focusedProperty().addListener((obs, o, focused) -> {
            if (focused) {
                control.focusGained();
            } else {
                control.focusLost();
            }
        });
    }

    private static MouseButton button(MouseEvent e) {
        return switch (e.getButton()) {
            case PRIMARY -> MouseButton.LEFT;
            case MIDDLE -> MouseButton.MIDDLE;
            case SECONDARY -> MouseButton.RIGHT;
            default -> null;
        };
    }

    /** Keys whose job is a character: those go as typed text, the rest as key codes. */
    static boolean typesText(KeyCode code) {
        return code.isLetterKey() || code.isDigitKey() && !code.isKeypadKey() || code == KeyCode.SPACE
                || code.isWhitespaceKey() && code != KeyCode.ENTER && code != KeyCode.TAB
                || code == KeyCode.COMMA || code == KeyCode.PERIOD || code == KeyCode.SLASH || code == KeyCode.SEMICOLON
                || code == KeyCode.EQUALS || code == KeyCode.OPEN_BRACKET || code == KeyCode.BACK_SLASH
                || code == KeyCode.CLOSE_BRACKET || code == KeyCode.MINUS || code == KeyCode.QUOTE
                || code == KeyCode.BACK_QUOTE || code.isKeypadKey() && code.isDigitKey();
    }
}
