package dev.lifeline.client.session;

import dev.lifeline.common.pairing.SessionCode;

/** Joins customer sessions by code, as the technician whose identity this service holds. */
public interface TechnicianSessions {
    /** Returns at once; progress arrives through {@code listener}, starting with onSecured. */
    TechnicianSessionHandle join(SessionCode code, SessionListener listener);

    /**
     * Issue 6: picks a waiting customer from the relay's queue (signed in by the ticket's token);
     * progress as for a join. A lost race ends with {@link SessionEnd.Reason#TAKEN_BY_ANOTHER}.
     */
    default TechnicianSessionHandle pick(QueueTicket ticket, SessionListener listener) {
        throw new UnsupportedOperationException("this technician cannot pick from a queue");
    }

    /**
     * Issue 6: takes a session another technician offered (transfer or watch) on a new connection
     * signed in by the ticket's token; progress as for a join.
     */
    default TechnicianSessionHandle take(dev.lifeline.client.handover.HandoverTicket ticket, SessionListener listener) {
        throw new UnsupportedOperationException("this technician cannot take handovers");
    }
}
