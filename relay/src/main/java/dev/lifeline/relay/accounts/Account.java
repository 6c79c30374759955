package dev.lifeline.relay.accounts;

/** One stored account, without its password hash or TOTP secret. */
public record Account(long id, String name, AccountRole role, boolean disabled, boolean totpEnabled,
                      int failedAttempts, long lockedUntilMs, long createdAtMs) {
}
