package dev.lifeline.client.consent;

import dev.lifeline.client.sharing.ScreenSharing;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentEvent.Actor;
import dev.lifeline.common.consent.ConsentException;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.ConsentRequest;
import dev.lifeline.common.wire.e2e.ConsentRevoke;
import dev.lifeline.common.wire.e2e.Refused;
import dev.lifeline.common.wire.e2e.ScreenRequest;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of consent: the technician's requests and give-ups, the person's answers
 * and revocations, and the {@link ConsentGate} in front of everything else the technician sends.
 * {@link Capability#VIEW_SCREEN} is screen sharing's own consent, so it goes through
 * {@link ScreenSharing} (which keeps the ledger entry). Runs on the session thread.
 */
public final class CustomerConsent {
    private static final Logger log = LoggerFactory.getLogger(CustomerConsent.class);
    /** Bounds on what the technician sends: the person reads the reason, so it stays short. */
    public static final int MAX_REASON_CHARS = 280;
    static final int MAX_CAPABILITIES_PER_REQUEST = 2 * Capability.values().length;

    /** What consent needs from the customer's session. */
    public interface Events {
        /** Seal and send to the technician. */
        void send(SessionMessage message);

        /** Ask the person (capabilities other than the screen, which asks through screen sharing). */
        void requested(ConsentPrompt prompt);

        void changed(ConsentSnapshot snapshot);

        void refused(Refusal refusal);
    }

    private final ConsentLedger ledger;
    private final ScreenSharing screen;
    private final Events events;
    private final ConsentGate gate;

    /** {@code ledger} must report its events to {@link #changed(ConsentEvent)}. */
    public CustomerConsent(ConsentLedger ledger, ScreenSharing screen, Events events) {
        this.ledger = ledger;
        this.screen = screen;
        this.events = events;
        this.gate = new ConsentGate(ledger, this::refused);
    }

    /**
     * A technician's message. Returns true if consent took care of it (handled, refused or dropped);
     * false if it passed the gate and is someone else's to handle.
     */
    public boolean onMessage(SessionMessage message) {
        if (!gate.admit(message)) {
            return true;
        }
        switch (message.getBodyCase()) {
            case CONSENT_REQUEST -> onRequest(message.getConsentRequest());
            case CONSENT_REVOKE -> onRevoke(message.getConsentRevoke());
            case CONSENT_STATE, REFUSED -> log.warn("ignoring {} from the technician: only the customer sends it",
                    message.getBodyCase());
            // Input, clipboard and file transfer passed the gate: theirs to handle.
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onRequest(ConsentRequest request) {
        if (request.getCapabilitiesCount() > MAX_CAPABILITIES_PER_REQUEST) {
            log.warn("ignoring a consent request naming {} capabilities", request.getCapabilitiesCount());
            return;
        }
        String reason = request.getReason().strip();
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS);
        }
        Set<Capability> asked = EnumSet.noneOf(Capability.class);
        for (var wire : request.getCapabilitiesList()) {
            Optional<Capability> capability = ConsentMessages.fromWire(wire);
            if (capability.isEmpty() || asked.contains(capability.get())) {
                continue;
            }
            if (capability.get() == Capability.VIEW_SCREEN) {
                screen.request(ScreenRequest.getDefaultInstance());
                continue;
            }
            try {
                ledger.request(capability.get());
                asked.add(capability.get());
            } catch (ConsentException e) {
                // Refusals for earlier denials are in the timeline and the state sent back.
                log.info("consent request for {} not shown: {}", capability.get(), e.getMessage());
            }
        }
        if (!asked.isEmpty()) {
            events.requested(new ConsentPrompt(asked, reason));
        }
    }

    private void onRevoke(ConsentRevoke revoke) {
        Set<Capability> given = EnumSet.noneOf(Capability.class);
        for (var wire : revoke.getCapabilitiesList()) {
            ConsentMessages.fromWire(wire).ifPresent(given::add);
            if (given.size() == Capability.values().length) {
                break; // no more to read: bounded whatever the list's length
            }
        }
        given.forEach(capability -> withdraw(capability, Actor.TECHNICIAN));
    }

    /** The person's yes to a pending request. */
    public void grant(Capability capability) {
        if (capability == Capability.VIEW_SCREEN) {
            screen.answer(true);
            return;
        }
        apply(() -> ledger.grant(capability));
    }

    /** The person's no to a pending request. */
    public void deny(Capability capability) {
        if (capability == Capability.VIEW_SCREEN) {
            screen.answer(false);
            return;
        }
        apply(() -> ledger.deny(capability));
    }

    /**
     * Issue 6, transfer: every grant and pending request ends (the app's doing, in the timeline);
     * the new technician must ask again.
     */
    public void endAllForHandover() {
        for (Capability capability : Capability.values()) {
            ConsentStatus status = ledger.status(capability);
            if (status == ConsentStatus.GRANTED || status == ConsentStatus.ASKED) {
                if (capability == Capability.VIEW_SCREEN) {
                    screen.stop("handed over to another technician", Actor.CUSTOMER_APP);
                } else {
                    apply(() -> ledger.revoke(capability, Actor.CUSTOMER_APP));
                }
            }
        }
    }

    /** The person takes a grant back (or withdraws a pending request): enforced from the next message on. */
    public void revoke(Capability capability) {
        withdraw(capability, Actor.CUSTOMER);
    }

    private void withdraw(Capability capability, Actor by) {
        if (capability == Capability.VIEW_SCREEN) {
            screen.stop(by == Actor.TECHNICIAN ? "the technician stopped viewing" : "the customer stopped sharing", by);
            return;
        }
        apply(() -> ledger.revoke(capability, by));
    }

    private static void apply(Runnable transition) {
        try {
            transition.run();
        } catch (ConsentException e) {
            // A late click or a repeated give-up: the ledger stays as it is.
            log.debug("consent change ignored: {}", e.getMessage());
        }
    }

    /** Every ledger change: the technician gets the full state, the person's app the snapshot. */
    public void changed(ConsentEvent event) {
        ConsentSnapshot snapshot = ledger.snapshot();
        events.send(SessionMessage.newBuilder().setConsentState(ConsentMessages.toWire(snapshot)).build());
        events.changed(snapshot);
    }

    private void refused(Refusal refusal) {
        events.send(SessionMessage.newBuilder().setRefused(Refused.newBuilder()
                .setCapability(ConsentMessages.toWire(refusal.capability()))
                .setMessageKind(refusal.messageKind())
                .setCount(refusal.count())).build());
        events.refused(refusal);
    }

    /** Every grant, denial and revocation so far, oldest first (for the recording and the report). */
    public List<ConsentEvent> timeline() {
        return ledger.events();
    }

    public ConsentSnapshot snapshot() {
        return ledger.snapshot();
    }

    /** Messages refused for lack of consent so far. */
    public long refusals() {
        return gate.refusals();
    }
}
