package dev.lifeline.client.team;

import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.common.identity.TechnicianIdentity;
import java.util.concurrent.CompletableFuture;

/** The team server of the relay a {@link RelayClient} talks to. */
public final class RelayTeam implements TeamAccess {
    private final RelayClient client;

    public RelayTeam(RelayClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Boolean> hasTeamServer() {
        return TeamConnection.probe(client.group().next(), client.endpoint());
    }

    @Override
    public TeamLink signIn(String name, char[] password, String totpCode, TeamConnection.Listener listener) {
        return TeamConnection.signIn(client.group().next(), client.endpoint(), name, password, totpCode, listener);
    }

    @Override
    public LoadedTechnician technician(SignedInTechnician signedIn) {
        TechnicianIdentity certified = signedIn.identity();
        return new LoadedTechnician(certified.name(), certified.organisation(), certified.notAfter(),
                client.technicianSessions(certified, signedIn::sessionToken));
    }

    @Override
    public LoadedTechnician technician(SignedInTechnician signedIn, java.util.function.Supplier<String> currentToken) {
        TechnicianIdentity certified = signedIn.identity();
        return new LoadedTechnician(certified.name(), certified.organisation(), certified.notAfter(),
                client.technicianSessions(certified, currentToken));
    }

    /** The relay connection this team server is reached through (for what else a sign-in turns on). */
    public RelayClient client() {
        return client;
    }
}
