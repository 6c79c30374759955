package dev.lifeline.common.crypto;

/** The 64-bit message counter ran out; sealing more would reuse a nonce, so the session must end. */
public final class CounterExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CounterExhaustedException() {
        super("traffic counter exhausted; start a new session");
    }
}
