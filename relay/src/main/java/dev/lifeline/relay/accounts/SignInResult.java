package dev.lifeline.relay.accounts;

/** The outcome of a sign-in: an account and a fresh token, or why not. */
public record SignInResult(Failure failure, Account account, SessionTokens.Issued token, long retryAfterMs) {
    /**
     * Why a sign-in failed. A wrong name and a wrong password look the same to the caller, so
     * sign-in does not tell which names exist.
     */
    public enum Failure { NONE, BAD_CREDENTIALS, SECOND_FACTOR_REQUIRED, LOCKED, DISABLED }

    static SignInResult success(Account account, SessionTokens.Issued token) {
        return new SignInResult(Failure.NONE, account, token, 0);
    }

    static SignInResult failed(Failure failure, long retryAfterMs) {
        return new SignInResult(failure, null, null, retryAfterMs);
    }

    public boolean succeeded() {
        return failure == Failure.NONE;
    }
}
