package dev.lifeline.client.session;

import dev.lifeline.common.pairing.SessionCode;

/** Joins customer sessions by code, as the technician whose identity this service holds. */
public interface TechnicianSessions {
    /** Returns at once; progress arrives through {@code listener}, starting with onSecured. */
    TechnicianSessionHandle join(SessionCode code, SessionListener listener);
}
