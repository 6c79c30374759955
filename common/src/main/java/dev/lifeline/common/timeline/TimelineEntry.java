package dev.lifeline.common.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a session, for the report and the recording. Never holds content:
 * no clipboard text, no file bytes, no chat. {@code subject} names what it is about (a
 * capability, a file name, "clipboard"); {@code bytes} is a size where one applies, else 0;
 * {@code detail} is a short machine-made reason (an error code, a saved-as name), often empty.
 */
public record TimelineEntry(Instant at, Kind kind, Actor actor, String subject, long bytes, String detail) {
    public enum Kind {
        // Consent (from the customer's ConsentLedger)
        CONSENT_ASKED,
        CONSENT_GRANTED,
        CONSENT_DENIED,
        CONSENT_REVOKED,
        CONSENT_REQUEST_REFUSED,
        /** A technician's message refused for lack of a grant. */
        MESSAGE_REFUSED,
        // Clipboard (sizes only)
        CLIPBOARD_SENT_TO_CUSTOMER,
        CLIPBOARD_SENT_TO_TECHNICIAN,
        CLIPBOARD_FAILED,
        // Files
        FILE_OFFERED,
        FILE_ACCEPTED,
        FILE_DECLINED,
        FILE_COMPLETED,
        FILE_FAILED,
        FILE_CANCELLED
    }

    public enum Actor {
        CUSTOMER,
        TECHNICIAN,
        /** The customer's app on its own (anti-nagging, enforcement). */
        CUSTOMER_APP,
        /** The technician's app on its own. */
        TECHNICIAN_APP
    }

    public TimelineEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(actor);
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
    }
}
