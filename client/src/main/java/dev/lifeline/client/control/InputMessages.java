package dev.lifeline.client.control;

import dev.lifeline.client.control.InvalidInputException.Reason;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.KeyCombo;
import dev.lifeline.common.wire.e2e.KeyStroke;
import dev.lifeline.common.wire.e2e.PointerButton;
import dev.lifeline.common.wire.e2e.PointerMove;
import dev.lifeline.common.wire.e2e.PointerWheel;
import dev.lifeline.common.wire.e2e.ReleaseAll;
import dev.lifeline.common.wire.e2e.TypedText;
import java.util.List;

/** Input events between {@link RemoteInput} and the wire; reading checks every field against this machine. */
public final class InputMessages {
    /** Characters per TypedText message; the Console cuts longer text into pieces. */
    public static final int MAX_TEXT_CHARS = 256;
    /** Wheel notches per event: more is a flood, not a scroll. */
    public static final int MAX_WHEEL_NOTCHES = 20;

    private InputMessages() {
    }

    public static InputEvent toWire(RemoteInput input) {
        InputEvent.Builder event = InputEvent.newBuilder();
        // Java 17: no pattern matching in switch yet.
        if (input instanceof RemoteInput.Move m) {
            event.setMove(PointerMove.newBuilder().setMonitor(m.monitor()).setX(m.x()).setY(m.y()));
        } else if (input instanceof RemoteInput.Button b) {
            event.setButton(PointerButton.newBuilder().setMonitor(b.monitor()).setX(b.x()).setY(b.y())
                    .setButton(toWire(b.button())).setPressed(b.pressed()));
        } else if (input instanceof RemoteInput.Wheel w) {
            event.setWheel(PointerWheel.newBuilder().setNotches(w.notches()));
        } else if (input instanceof RemoteInput.Key k) {
            event.setKey(KeyStroke.newBuilder().setKeyCode(k.keyCode()).setPressed(k.pressed()));
        } else if (input instanceof RemoteInput.Text t) {
            event.setText(TypedText.newBuilder().setText(t.text()));
        } else if (input instanceof RemoteInput.Combo c) {
            event.setCombo(KeyCombo.newBuilder()
                    .setCombo(dev.lifeline.common.wire.e2e.SystemCombo.valueOf("SYSTEM_COMBO_" + c.combo().name())));
        } else {
            event.setReleaseAll(ReleaseAll.getDefaultInstance());
        }
        return event.build();
    }

    static dev.lifeline.common.wire.e2e.MouseButton toWire(MouseButton button) {
        return dev.lifeline.common.wire.e2e.MouseButton.valueOf("MOUSE_BUTTON_" + button.name());
    }

    /**
     * Reads and checks one event from the technician against the monitors this machine shares:
     * pointer positions inside the named monitor, known buttons, keys and combos, bounded text and
     * wheel. Anything else is a typed error and nothing of it is applied.
     */
    public static RemoteInput fromWire(InputEvent event, List<MonitorInfo> monitors) throws InvalidInputException {
        return switch (event.getKindCase()) {
            case MOVE -> {
                PointerMove m = event.getMove();
                checkPoint(m.getMonitor(), m.getX(), m.getY(), monitors);
                yield new RemoteInput.Move(m.getMonitor(), m.getX(), m.getY());
            }
            case BUTTON -> {
                PointerButton b = event.getButton();
                checkPoint(b.getMonitor(), b.getX(), b.getY(), monitors);
                MouseButton button = switch (b.getButton()) {
                    case MOUSE_BUTTON_LEFT -> MouseButton.LEFT;
                    case MOUSE_BUTTON_MIDDLE -> MouseButton.MIDDLE;
                    case MOUSE_BUTTON_RIGHT -> MouseButton.RIGHT;
                    default -> throw new InvalidInputException(Reason.UNKNOWN_BUTTON, "unknown mouse button " + b.getButtonValue());
                };
                yield new RemoteInput.Button(b.getMonitor(), b.getX(), b.getY(), button, b.getPressed());
            }
            case WHEEL -> {
                int notches = event.getWheel().getNotches();
                if (notches == 0 || Math.abs(notches) > MAX_WHEEL_NOTCHES) {
                    throw new InvalidInputException(Reason.BAD_WHEEL, "wheel of " + notches + " notches");
                }
                yield new RemoteInput.Wheel(notches);
            }
            case KEY -> {
                int code = event.getKey().getKeyCode();
                if (!KeyCodes.isAllowed(code)) {
                    throw new InvalidInputException(Reason.UNKNOWN_KEY, "unknown key code " + code);
                }
                yield new RemoteInput.Key(code, event.getKey().getPressed());
            }
            case TEXT -> new RemoteInput.Text(checkText(event.getText().getText()));
            case COMBO -> {
                SystemCombo combo = switch (event.getCombo().getCombo()) {
                    case SYSTEM_COMBO_CTRL_ALT_DEL -> SystemCombo.CTRL_ALT_DEL;
                    case SYSTEM_COMBO_ALT_TAB -> SystemCombo.ALT_TAB;
                    case SYSTEM_COMBO_WINDOWS -> SystemCombo.WINDOWS;
                    case SYSTEM_COMBO_CTRL_ESC -> SystemCombo.CTRL_ESC;
                    case SYSTEM_COMBO_ALT_F4 -> SystemCombo.ALT_F4;
                    case SYSTEM_COMBO_CTRL_SHIFT_ESC -> SystemCombo.CTRL_SHIFT_ESC;
                    default -> throw new InvalidInputException(Reason.UNKNOWN_COMBO,
                            "unknown key combination " + event.getCombo().getComboValue());
                };
                yield new RemoteInput.Combo(combo);
            }
            case RELEASE_ALL -> new RemoteInput.ReleaseAll();
            case KIND_NOT_SET -> throw new InvalidInputException(Reason.EMPTY, "an input event without a kind");
        };
    }

    private static void checkPoint(int monitor, int x, int y, List<MonitorInfo> monitors) throws InvalidInputException {
        if (monitors.isEmpty()) {
            throw new InvalidInputException(Reason.NO_SCREEN, "pointer input while the screen is not shared");
        }
        // uint32 on the wire: a huge value reads as negative.
        if (monitor < 0 || monitor >= monitors.size()) {
            throw new InvalidInputException(Reason.UNKNOWN_MONITOR, "monitor " + Integer.toUnsignedString(monitor)
                    + " of " + monitors.size());
        }
        MonitorInfo m = monitors.get(monitor);
        if (x < m.x() || y < m.y() || (long) x >= (long) m.x() + m.width() || (long) y >= (long) m.y() + m.height()) {
            throw new InvalidInputException(Reason.OUTSIDE_MONITOR, "point " + x + "," + y + " is outside monitor " + monitor);
        }
    }

    /** Printable text, line breaks and tabs; no other control characters, no broken surrogates. */
    static String checkText(String text) throws InvalidInputException {
        if (text.isEmpty() || text.length() > MAX_TEXT_CHARS) {
            throw new InvalidInputException(Reason.BAD_TEXT, "typed text of " + text.length() + " characters");
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == '\n' || c == '\t'
                    || (!Character.isISOControl(c) && Character.isDefined(c) && Character.getType(c) != Character.SURROGATE
                    && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.PRIVATE_USE);
            if (!allowed) {
                throw new InvalidInputException(Reason.BAD_TEXT, "typed text with character U+" + Integer.toHexString(c));
            }
            i += Character.charCount(c);
        }
        return text;
    }
}
