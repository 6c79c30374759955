package dev.lifeline.common.consent;

import java.time.Instant;
import java.util.Objects;

/** One entry of the session's consent timeline, for the recording and the report. */
public record ConsentEvent(Capability capability, Kind kind, Actor actor, Instant at) {
    public enum Kind {
        ASKED,
        GRANTED,
        DENIED,
        REVOKED,
        /** The customer's app answered a request by itself because of earlier denials. */
        REQUEST_REFUSED
    }

    public enum Actor {
        CUSTOMER,
        TECHNICIAN,
        /** The customer's app on its own: anti-nagging refusals, a screen that cannot be captured. */
        CUSTOMER_APP
    }

    public ConsentEvent {
        Objects.requireNonNull(capability);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(at);
    }
}
