package dev.lifeline.common.consent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every capability's status at one moment, and the change that led there (empty at the start). */
public record ConsentSnapshot(Map<Capability, ConsentStatus> statuses, Optional<ConsentEvent> lastChange) {
    public static final ConsentSnapshot NOTHING = new ConsentSnapshot(Map.of(), Optional.empty());

    public ConsentSnapshot {
        EnumMap<Capability, ConsentStatus> all = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            all.put(capability, statuses.getOrDefault(capability, ConsentStatus.NONE));
        }
        statuses = Collections.unmodifiableMap(all);
    }

    public ConsentStatus status(Capability capability) {
        return statuses.get(capability);
    }

    public boolean isGranted(Capability capability) {
        return status(capability) == ConsentStatus.GRANTED;
    }

    public Set<Capability> granted() {
        EnumSet<Capability> granted = EnumSet.noneOf(Capability.class);
        statuses.forEach((capability, status) -> {
            if (status == ConsentStatus.GRANTED) {
                granted.add(capability);
            }
        });
        return granted;
    }
}
