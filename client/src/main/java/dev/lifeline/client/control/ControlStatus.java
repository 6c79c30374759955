package dev.lifeline.client.control;

/**
 * Whether the technician's input is applied on the customer's machine right now, as both apps show
 * it: the customer's app reports every change to the technician.
 *
 * @param device        what the customer is using while {@link State#CUSTOMER_ACTIVE}; null otherwise
 * @param detail        why control is unavailable; empty otherwise
 * @param invalidEvents malformed events the customer's app refused so far (none was applied)
 */
public record ControlStatus(State state, LocalDevice device, String detail, long invalidEvents) {
    public enum State {
        /** No control granted (or given back). */
        OFF,
        /** Input is applied. */
        READY,
        /** The customer is using the mouse or keyboard: input is dropped until they stop for a moment. */
        CUSTOMER_ACTIVE,
        /** This machine cannot inject input (see detail). */
        UNAVAILABLE
    }

    public enum LocalDevice { MOUSE, KEYBOARD }

    public static final ControlStatus OFF = new ControlStatus(State.OFF, null, "", 0);

    public ControlStatus {
        detail = detail == null ? "" : detail;
    }
}
