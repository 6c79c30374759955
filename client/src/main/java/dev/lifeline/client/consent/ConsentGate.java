package dev.lifeline.client.consent;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place on the customer's machine where every technician message that needs a capability
 * is checked against the {@link ConsentLedger} before anything handles it. Enforcement lives here,
 * where messages arrive, not in the UI: a forged or late message without a live grant is never
 * applied. Runs on the session thread.
 */
public final class ConsentGate {
    private static final Logger log = LoggerFactory.getLogger(ConsentGate.class);

    private final ConsentLedger ledger;
    private final Consumer<Refusal> refused;
    private long refusals;

    /** {@code refused} tells the technician and the customer; called on the session thread. */
    public ConsentGate(ConsentLedger ledger, Consumer<Refusal> refused) {
        this.ledger = ledger;
        this.refused = refused;
    }

    /** The capability a technician's message needs, if any. */
    static Optional<Capability> needed(SessionMessage message) {
        return switch (message.getBodyCase()) {
            case INPUT_EVENT -> Optional.of(Capability.CONTROL_INPUT);
            case CLIPBOARD -> Optional.of(Capability.CLIPBOARD);
            // Cancelling a transfer only stops something: always allowed, like stopping the screen.
            case FILE_TRANSFER -> message.getFileTransfer().hasCancel()
                    ? Optional.empty() : Optional.of(Capability.TRANSFER_FILES);
            case DIAGNOSTICS_REQUEST -> Optional.of(Capability.RUN_DIAGNOSTICS);
            case SCREEN_PULL -> Optional.of(Capability.VIEW_SCREEN);
            // Pointing at the shared picture does nothing to the machine: it goes with the screen.
            case LASER_POINTER -> Optional.of(Capability.VIEW_SCREEN);
            // Stopping is always allowed; choosing a monitor or quality needs the screen.
            case SCREEN_CONTROL -> message.getScreenControl().hasStopViewing()
                    ? Optional.empty() : Optional.of(Capability.VIEW_SCREEN);
            default -> Optional.empty();
        };
    }

    /** True if the message may be handled; false if it was dropped or refused. */
    public boolean admit(SessionMessage message) {
        Optional<Capability> needed = needed(message);
        if (needed.isEmpty() || ledger.isGranted(needed.get())) {
            return true;
        }
        Capability capability = needed.get();
        if (capability == Capability.VIEW_SCREEN) {
            // Pulls and controls may legitimately be in flight when the customer stops or pauses:
            // dropped without a fuss (they never start capture), not counted as an attack.
            log.debug("dropping {}: the screen is not shared", message.getBodyCase());
            return false;
        }
        if (capability == Capability.TRANSFER_FILES && ledger.status(capability) == ConsentStatus.REVOKED
                && inFlightTransferStep(message)) {
            // Chunks and acks of a transfer that was running when the customer revoked are still on
            // their way: dropped without a fuss (the transfer is already cancelled), not counted.
            log.debug("dropping a file-transfer step after the grant was revoked");
            return false;
        }
        refusals++;
        log.warn("refused {} from the technician: {} is not granted ({} refused so far)",
                message.getBodyCase(), capability, refusals);
        refused.accept(new Refusal(capability, message.getBodyCase().name(), refusals));
        return false;
    }

    private static boolean inFlightTransferStep(SessionMessage message) {
        return switch (message.getFileTransfer().getStepCase()) {
            case CHUNK, ACK, RESEND, RESULT -> true;
            default -> false;
        };
    }

    /** Messages refused so far in this session. */
    public long refusals() {
        return refusals;
    }
}
