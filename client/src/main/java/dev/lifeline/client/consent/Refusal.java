package dev.lifeline.client.consent;

import dev.lifeline.common.consent.Capability;

/**
 * A technician's message refused by the customer's app because its capability was not granted;
 * nothing of it was applied. {@code count}: refusals so far in the session.
 */
public record Refusal(Capability capability, String messageKind, long count) {
}
