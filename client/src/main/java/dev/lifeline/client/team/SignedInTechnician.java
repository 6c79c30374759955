package dev.lifeline.client.team;

import dev.lifeline.common.identity.TechnicianIdentity;

/**
 * A signed-in Console: the account, its short-lived session token (for picking, on a second
 * connection) and, when the relay certifies technicians, the identity made on this sign-in.
 */
public record SignedInTechnician(String name, String role, String sessionToken, long tokenExpiresAtMs,
                                 TechnicianIdentity identity) {
    public boolean isAdmin() {
        return role.equals("admin");
    }
}
