package dev.lifeline.common.consent;

/** Where one capability stands in a session. Only {@link #GRANTED} lets the technician use it. */
public enum ConsentStatus {
    NONE,
    ASKED,
    GRANTED,
    DENIED,
    REVOKED
}
