package dev.lifeline.client.session;

import java.time.Instant;

/** A technician identity ready to join sessions: who it says we are, and the way to join. */
public record LoadedTechnician(String name, String organisation, Instant validUntil, TechnicianSessions sessions) {
}
