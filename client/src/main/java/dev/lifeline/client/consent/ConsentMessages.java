package dev.lifeline.client.consent;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.CapabilityConsent;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.e2e.ConsentState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Consent between its model ({@code common.consent}) and the end-to-end messages. */
public final class ConsentMessages {
    private ConsentMessages() {
    }

    public static dev.lifeline.common.wire.e2e.Capability toWire(Capability capability) {
        return dev.lifeline.common.wire.e2e.Capability.valueOf(capability.name());
    }

    /** Empty for unknown or unset values (a newer peer): they are ignored, never guessed. */
    public static Optional<Capability> fromWire(dev.lifeline.common.wire.e2e.Capability capability) {
        return switch (capability) {
            case VIEW_SCREEN -> Optional.of(Capability.VIEW_SCREEN);
            case CONTROL_INPUT -> Optional.of(Capability.CONTROL_INPUT);
            case RUN_DIAGNOSTICS -> Optional.of(Capability.RUN_DIAGNOSTICS);
            case CLIPBOARD -> Optional.of(Capability.CLIPBOARD);
            case TRANSFER_FILES -> Optional.of(Capability.TRANSFER_FILES);
            case RECORD_SESSION -> Optional.of(Capability.RECORD_SESSION);
            case CAPABILITY_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    static dev.lifeline.common.wire.e2e.ConsentStatus toWire(ConsentStatus status) {
        return dev.lifeline.common.wire.e2e.ConsentStatus.valueOf("CONSENT_" + status.name());
    }

    static ConsentStatus fromWire(dev.lifeline.common.wire.e2e.ConsentStatus status) {
        return switch (status) {
            case CONSENT_ASKED -> ConsentStatus.ASKED;
            case CONSENT_GRANTED -> ConsentStatus.GRANTED;
            case CONSENT_DENIED -> ConsentStatus.DENIED;
            case CONSENT_REVOKED -> ConsentStatus.REVOKED;
            default -> ConsentStatus.NONE;
        };
    }

    public static ConsentState toWire(ConsentSnapshot snapshot) {
        ConsentState.Builder state = ConsentState.newBuilder();
        snapshot.statuses().forEach((capability, status) -> state.addCapabilities(
                CapabilityConsent.newBuilder().setCapability(toWire(capability)).setStatus(toWire(status))));
        snapshot.lastChange().ifPresent(event -> state.setLastChange(ConsentChange.newBuilder()
                .setCapability(toWire(event.capability()))
                .setKind(ConsentChange.Kind.valueOf(event.kind().name()))
                .setActor(ConsentChange.Actor.valueOf(event.actor().name()))
                .setAtMs(event.at().toEpochMilli())));
        return state.build();
    }

    /**
     * The customer's view of consent, as the technician receives it. Unknown entries are skipped;
     * at most one per capability is read (the last wins), so a long list cannot cost more than that.
     */
    public static ConsentSnapshot fromWire(ConsentState state) {
        Map<Capability, ConsentStatus> statuses = new EnumMap<>(Capability.class);
        int read = 0;
        for (CapabilityConsent entry : state.getCapabilitiesList()) {
            if (++read > 4 * Capability.values().length) {
                break;
            }
            fromWire(entry.getCapability()).ifPresent(c -> statuses.put(c, fromWire(entry.getStatus())));
        }
        Optional<ConsentEvent> last = Optional.empty();
        if (state.hasLastChange()) {
            ConsentChange change = state.getLastChange();
            Optional<Capability> capability = fromWire(change.getCapability());
            Optional<ConsentEvent.Kind> kind = enumOf(ConsentEvent.Kind.class, change.getKind().name());
            Optional<ConsentEvent.Actor> actor = enumOf(ConsentEvent.Actor.class, change.getActor().name());
            if (capability.isPresent() && kind.isPresent() && actor.isPresent()) {
                last = Optional.of(new ConsentEvent(capability.get(), kind.get(), actor.get(),
                        Instant.ofEpochMilli(change.getAtMs())));
            }
        }
        return new ConsentSnapshot(statuses, last);
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
