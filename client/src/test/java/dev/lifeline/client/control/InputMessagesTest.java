package dev.lifeline.client.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lifeline.client.control.InvalidInputException.Reason;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.KeyCombo;
import dev.lifeline.common.wire.e2e.KeyStroke;
import dev.lifeline.common.wire.e2e.PointerButton;
import dev.lifeline.common.wire.e2e.PointerMove;
import dev.lifeline.common.wire.e2e.PointerWheel;
import dev.lifeline.common.wire.e2e.TypedText;
import java.awt.event.KeyEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputMessagesTest {
    /** Two monitors side by side; the second is taller and starts at x=1920. */
    private static final List<MonitorInfo> MONITORS = List.of(
            new MonitorInfo(0, "left", 0, 0, 1920, 1080, true),
            new MonitorInfo(1, "right", 1920, -200, 1280, 1400, false));

    private static RemoteInput read(InputEvent event) throws InvalidInputException {
        return InputMessages.fromWire(event, MONITORS);
    }

    private static Reason refused(InputEvent event) {
        return assertThrows(InvalidInputException.class, () -> read(event)).reason();
    }

    private static InputEvent move(int monitor, int x, int y) {
        return InputEvent.newBuilder().setMove(PointerMove.newBuilder().setMonitor(monitor).setX(x).setY(y)).build();
    }

    @Test
    void everyKindRoundTrips() throws Exception {
        List<RemoteInput> all = List.of(
                new RemoteInput.Move(1, 1920, -200),
                new RemoteInput.Button(0, 1919, 1079, MouseButton.RIGHT, true),
                new RemoteInput.Wheel(-3),
                new RemoteInput.Key(KeyEvent.VK_F5, false),
                new RemoteInput.Text("Grüße, 東京 😀\n"),
                new RemoteInput.Combo(SystemCombo.CTRL_ALT_DEL),
                new RemoteInput.ReleaseAll());
        for (RemoteInput input : all) {
            assertEquals(input, read(InputMessages.toWire(input)));
        }
    }

    @Test
    void pointsMustLieInsideTheNamedMonitor() throws Exception {
        assertEquals(new RemoteInput.Move(1, 3199, 1199), read(move(1, 3199, 1199)));
        assertEquals(Reason.OUTSIDE_MONITOR, refused(move(1, 3200, 0)), "one past the right edge");
        assertEquals(Reason.OUTSIDE_MONITOR, refused(move(1, 1919, 0)), "on the other monitor");
        assertEquals(Reason.OUTSIDE_MONITOR, refused(move(1, 2000, -201)), "above the top");
        assertEquals(Reason.OUTSIDE_MONITOR, refused(move(0, -1, 5)));
        assertEquals(Reason.UNKNOWN_MONITOR, refused(move(2, 10, 10)));
        assertEquals(Reason.UNKNOWN_MONITOR, refused(move(-1, 10, 10)), "uint32 4294967295");
        assertEquals(Reason.OUTSIDE_MONITOR, refused(move(0, Integer.MAX_VALUE, Integer.MIN_VALUE)));
        assertThrows(InvalidInputException.class, () -> InputMessages.fromWire(move(0, 1, 1), List.of()),
                "no pointer input while nothing is shared");
    }

    @Test
    void unknownButtonsKeysCombosAndEmptyEventsAreTypedErrors() {
        assertEquals(Reason.UNKNOWN_BUTTON, refused(InputEvent.newBuilder().setButton(PointerButton.newBuilder()
                .setMonitor(0).setX(1).setY(1).setButtonValue(9)).build()));
        assertEquals(Reason.UNKNOWN_BUTTON, refused(InputEvent.newBuilder().setButton(PointerButton.newBuilder()
                .setMonitor(0).setX(1).setY(1)).build()), "unspecified");
        assertEquals(Reason.UNKNOWN_KEY, refused(InputEvent.newBuilder().setKey(KeyStroke.newBuilder().setKeyCode(0xFFFF)).build()));
        assertEquals(Reason.UNKNOWN_KEY, refused(InputEvent.newBuilder().setKey(KeyStroke.newBuilder().setKeyCode(0)).build()));
        assertEquals(Reason.UNKNOWN_COMBO, refused(InputEvent.newBuilder().setCombo(KeyCombo.newBuilder().setComboValue(77)).build()));
        assertEquals(Reason.EMPTY, refused(InputEvent.getDefaultInstance()));
    }

    @Test
    void wheelAndTextAreBounded() throws Exception {
        assertEquals(new RemoteInput.Wheel(20), read(InputEvent.newBuilder().setWheel(PointerWheel.newBuilder().setNotches(20)).build()));
        assertEquals(Reason.BAD_WHEEL, refused(InputEvent.newBuilder().setWheel(PointerWheel.newBuilder().setNotches(21)).build()));
        assertEquals(Reason.BAD_WHEEL, refused(InputEvent.newBuilder().setWheel(PointerWheel.newBuilder().setNotches(0)).build()));
        assertEquals(Reason.BAD_TEXT, refused(text("a".repeat(InputMessages.MAX_TEXT_CHARS + 1))));
        assertEquals(Reason.BAD_TEXT, refused(text("")));
        assertEquals(Reason.BAD_TEXT, refused(text("rm\u001b[2J")), "terminal escape");
        assertEquals(Reason.BAD_TEXT, refused(text("x\u202Ey")), "bidi override");
        assertEquals(Reason.BAD_TEXT, refused(text("\uD800")), "lone surrogate");
        assertEquals(new RemoteInput.Text("a\tb\n"), read(text("a\tb\n")));
    }

    private static InputEvent text(String s) {
        return InputEvent.newBuilder().setText(TypedText.newBuilder().setText(s)).build();
    }
}
