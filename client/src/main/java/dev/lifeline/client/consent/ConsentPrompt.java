package dev.lifeline.client.consent;

import dev.lifeline.common.consent.Capability;
import java.util.Set;

/** What the technician asks for, and why (their words, bounded); the customer answers each capability. */
public record ConsentPrompt(Set<Capability> capabilities, String reason) {
    public ConsentPrompt {
        capabilities = Set.copyOf(capabilities);
    }
}
