package dev.lifeline.relay.accounts;

import java.util.List;

/** A new password breaks the policy; {@link #problems()} says how, for the person to fix it. */
public final class WeakPasswordException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public WeakPasswordException(List<String> problems) {
        super("the password " + String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
