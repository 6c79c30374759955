package dev.lifeline.client.team;

/** Why a sign-in did not work, in words for the person, and when to try again. */
public record SignInFailure(Kind kind, String message, long retryAfterMs) {
    public enum Kind { BAD_CREDENTIALS, SECOND_FACTOR_REQUIRED, LOCKED, DISABLED, TOKEN_INVALID, NOT_AVAILABLE, CONNECTION }
}
