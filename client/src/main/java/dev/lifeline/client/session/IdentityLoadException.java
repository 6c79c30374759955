package dev.lifeline.client.session;

/** The identity file is missing, unreadable, not an identity, or the passphrase is wrong. */
public final class IdentityLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Problem { NOT_FOUND, NOT_AN_IDENTITY, WRONG_PASSPHRASE, EXPIRED }

    private final Problem problem;

    public IdentityLoadException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
