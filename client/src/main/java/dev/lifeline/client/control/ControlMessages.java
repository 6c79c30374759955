package dev.lifeline.client.control;

import dev.lifeline.client.control.ControlStatus.LocalDevice;
import dev.lifeline.client.control.ControlStatus.State;
import dev.lifeline.common.wire.e2e.ControlState;

/** The customer's control state as the technician receives it. */
public final class ControlMessages {
    /** Longest detail the Console shows; a longer one is cut. */
    static final int MAX_DETAIL_CHARS = 200;

    private ControlMessages() {
    }

    public static ControlStatus fromWire(ControlState state) {
        State s = switch (state.getStatus()) {
            case LOCAL_USER_ACTIVE -> State.CUSTOMER_ACTIVE;
            case UNAVAILABLE -> State.UNAVAILABLE;
            default -> State.READY;
        };
        LocalDevice device = s != State.CUSTOMER_ACTIVE ? null
                : state.getDevice() == ControlState.LocalDevice.LOCAL_KEYBOARD ? LocalDevice.KEYBOARD : LocalDevice.MOUSE;
        String detail = state.getDetail().strip();
        if (detail.length() > MAX_DETAIL_CHARS) {
            detail = detail.substring(0, MAX_DETAIL_CHARS);
        }
        return new ControlStatus(s, device, detail, state.getInvalidEvents());
    }
}
