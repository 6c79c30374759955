package dev.lifeline.client.testing;

import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.session.QueueTicket;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamAccess;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.TeamLink;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.relay.AccountRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A team server in memory: records sign-ins and account requests; the test answers as the relay would. */
public final class FakeTeam implements TeamAccess {
    public final CompletableFuture<Boolean> teamServer = new CompletableFuture<>();
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    public final Picks picks = new Picks();

    public record Attempt(String name, String password, String totp, TeamConnection.Listener listener, Link link) {
    }

    public static final class Link implements TeamLink {
        public final List<AccountRequest> requests = new CopyOnWriteArrayList<>();
        public final List<dev.lifeline.client.handover.HandoverOfferInfo> declined = new CopyOnWriteArrayList<>();
        public volatile boolean closed;

        @Override
        public void decline(dev.lifeline.client.handover.HandoverOfferInfo offer) {
            declined.add(offer);
        }

        @Override
        public void accounts(AccountRequest request) {
            requests.add(request);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The technician's sessions: joins by code like FakeSessions, and records picks. */
    public static final class Picks extends FakeSessions.Technician {
        public final List<QueueTicket> tickets = new CopyOnWriteArrayList<>();
        public final List<FakeSessions.FakeHandle> picked = new CopyOnWriteArrayList<>();

        @Override
        public TechnicianSessionHandle pick(QueueTicket ticket, SessionListener listener) {
            tickets.add(ticket);
            FakeSessions.FakeHandle h = new FakeSessions.FakeHandle(ticket.customerName(), null, listener);
            picked.add(h);
            return h;
        }

        /** Issue 6: offers taken (transfer or watch), with the handle each tab got. */
        public final List<dev.lifeline.client.handover.HandoverTicket> taken = new CopyOnWriteArrayList<>();
        public final List<FakeSessions.FakeHandle> takenHandles = new CopyOnWriteArrayList<>();

        @Override
        public TechnicianSessionHandle take(dev.lifeline.client.handover.HandoverTicket ticket, SessionListener listener) {
            taken.add(ticket);
            FakeSessions.FakeHandle h = new FakeSessions.FakeHandle("", null, listener);
            takenHandles.add(h);
            return h;
        }
    }

    @Override
    public CompletableFuture<Boolean> hasTeamServer() {
        return teamServer;
    }

    @Override
    public TeamLink signIn(String name, char[] password, String totpCode, TeamConnection.Listener listener) {
        Link link = new Link();
        attempts.add(new Attempt(name, new String(password), totpCode, listener, link));
        return link;
    }

    @Override
    public LoadedTechnician technician(SignedInTechnician signedIn) {
        TechnicianIdentity certified = signedIn.identity();
        return new LoadedTechnician(certified.name(), certified.organisation(), certified.notAfter(), picks);
    }

    public Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    /** A signed-in technician with a real certificate from a throwaway CA. */
    public static SignedInTechnician signedIn(String name, String role) {
        try {
            OrganisationCa ca = OrganisationCa.create("ACME Support");
            return new SignedInTechnician(name, role, "token-" + name, Instant.now().plusSeconds(3600).toEpochMilli(),
                    ca.issueTechnician(name, Duration.ofDays(1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A waiting customer on a block-hours contract. */
    public static WaitingCustomer waiting(long id, String name, String problem, long submittedAtMs, long blockMinutes,
                                          boolean low, boolean exhausted, WaitingCustomer.Sla sla) {
        return new WaitingCustomer(id, name, problem, "555-0100", "Clinic", submittedAtMs, true, "block hours",
                "10 h block", true, blockMinutes, low, exhausted, sla);
    }
}
