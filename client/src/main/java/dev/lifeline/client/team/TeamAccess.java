package dev.lifeline.client.team;

import dev.lifeline.client.session.LoadedTechnician;
import java.util.concurrent.CompletableFuture;

/**
 * What the Console's sign-in, queue and account screens need from the relay. {@link RelayTeam} is
 * the real one; view-model tests use a fake. Listener events come on a network thread.
 */
public interface TeamAccess {
    /** Whether the relay has a team database (sign-in and queue); false or failed: join by code. */
    CompletableFuture<Boolean> hasTeamServer();

    /** Connects and signs in; see {@link TeamConnection#signIn}. */
    TeamLink signIn(String name, char[] password, String totpCode, TeamConnection.Listener listener);

    /**
     * A technician that joins codes (signed in with the token, so the relay records whose session
     * it is) and picks queue entries, with the certificate issued at sign-in.
     */
    LoadedTechnician technician(SignedInTechnician signedIn);

    /** As above, joining with whatever token {@code currentToken} gives then (the sign-in renews it). */
    default LoadedTechnician technician(SignedInTechnician signedIn, java.util.function.Supplier<String> currentToken) {
        return technician(signedIn);
    }
}
