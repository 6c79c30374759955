package dev.lifeline.common.consent;

/** What a technician may do on the customer's machine, each only with the customer's own consent. */
public enum Capability {
    VIEW_SCREEN,
    CONTROL_INPUT,
    RUN_DIAGNOSTICS,
    CLIPBOARD,
    TRANSFER_FILES,
    /** Not an action on the machine but a notice: the customer agrees that the session is recorded. */
    RECORD_SESSION
}
