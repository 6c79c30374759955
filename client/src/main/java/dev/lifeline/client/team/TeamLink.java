package dev.lifeline.client.team;

import dev.lifeline.common.wire.relay.AccountRequest;

/** A signed-in (or signing-in) Console's connection to the team server, as the UI uses it. */
public interface TeamLink extends AutoCloseable {
    /** Admins: list, add, disable, enable, reset; the answer comes to {@link TeamConnection.Listener#accounts}. */
    void accounts(AccountRequest request);

    /** Issue 6: says no to a handover offer; the offering technician keeps the session. */
    default void decline(dev.lifeline.client.handover.HandoverOfferInfo offer) {
    }

    /** The person signed out: the relay revokes the sign-in's token, then the link closes. */
    default void signOut() {
        close();
    }

    /** Closes the link; the sign-in's token stays valid until it expires or is revoked. */
    @Override
    void close();
}
