package dev.lifeline.client.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.session.QueueRequest;
import dev.lifeline.client.session.QueueTicket;
import dev.lifeline.client.session.TeamRelay;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.contracts.Contract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue flow end to end: a relay with an H2 relay.database() and the organisation CA on loopback,
 * Get Help waiting in the queue, a Console that signs in (and gets its certificate from the relay),
 * sees the customer with its contract, picks it and is paired without a code: the customer sees
 * the verified technician and both chat.
 */
class QueueSessionOverRelayTest {
    @RegisterExtension
    final TeamRelay relay = new TeamRelay();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.contract("Bakery Schmidt", new Contract.BlockHours(300, 120, 15));
    }

    @Test
    void signInSeeTheQueuePickAndChatWithoutACode() throws Exception {
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.robot(),
                new QueueRequest("my printer prints nothing", "+49 30 555", "Bakery Schmidt")), "Dana Customer");
        customer.awaitPrefix("queued");

        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        CompletableFuture<List<WaitingCustomer>> queue = new CompletableFuture<>();
        TeamConnection team = TeamConnection.signIn(relay.client().group().next(), relay.client().endpoint(), "Alice Meyer",
                "correct horse battery staple".toCharArray(), null, new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        signedIn.complete(technician);
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        signedIn.completeExceptionally(new AssertionError(failure.toString()));
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                        if (!waiting.isEmpty()) {
                            queue.complete(waiting);
                        }
                    }

                    @Override
                    public void closed(String why) {
                        queue.completeExceptionally(new AssertionError(why));
                    }
                });
        SignedInTechnician alice = signedIn.get(20, TimeUnit.SECONDS);
        assertNotNull(alice.identity(), "the relay certified the Console's key");
        assertEquals("Alice Meyer", alice.identity().name());
        WaitingCustomer waiting = queue.get(20, TimeUnit.SECONDS).get(0);
        assertEquals("Dana Customer", waiting.name());
        assertEquals("my printer prints nothing", waiting.problem());
        assertEquals("Bakery Schmidt", waiting.organisation());
        assertEquals("5 h left", waiting.blockBalance());
        assertTrue(waiting.connected());

        HeadlessRun technician = HeadlessRun.started(listener -> relay.client().pick(alice.identity(),
                new QueueTicket(alice.sessionToken(), waiting.entryId(), waiting.name()), listener));
        assertEquals("verified: Dana Customer (customer)", technician.awaitPrefix("verified: "));
        assertEquals("verified: Alice Meyer (ACME Support)", customer.awaitPrefix("verified: "));
        customer.type("It prints blank pages");
        technician.awaitPrefix("chat: It prints blank pages");
        technician.type("/end");
        assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
        assertEquals(0, customer.awaitExit(), () -> "customer: " + customer.lines());
        team.close();
    }

    @Test
    void aTechnicianFromAnotherOrganisationIsRefusedInQueueFlow() throws Exception {
        // The customer pins ANOTHER organisation's root: a queue pick cannot be verified, so it ends.
        OrganisationCa other = OrganisationCa.create("Other Org");
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(other.root(), ScreenSources.robot(),
                new QueueRequest("help", "", "")), "Eve");
        customer.awaitPrefix("queued");
        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        CompletableFuture<WaitingCustomer> first = new CompletableFuture<>();
        TeamConnection team = TeamConnection.signIn(relay.client().group().next(), relay.client().endpoint(), "Alice Meyer",
                "correct horse battery staple".toCharArray(), null, new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        signedIn.complete(technician);
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        signedIn.completeExceptionally(new AssertionError(failure.toString()));
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                        waiting.stream().findFirst().ifPresent(first::complete);
                    }

                    @Override
                    public void closed(String why) {
                    }
                });
        SignedInTechnician alice = signedIn.get(20, TimeUnit.SECONDS);
        WaitingCustomer eve = first.get(20, TimeUnit.SECONDS);
        HeadlessRun technician = HeadlessRun.started(listener -> relay.client().pick(alice.identity(),
                new QueueTicket(alice.sessionToken(), eve.entryId(), eve.name()), listener));
        assertTrue(customer.awaitPrefix("ended: ").contains("could not be verified"), () -> customer.lines().toString());
        technician.awaitExit();
        team.close();
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPart() throws Exception {
        CompletableFuture<SignInFailure> failed = new CompletableFuture<>();
        TeamConnection team = TeamConnection.signIn(relay.client().group().next(), relay.client().endpoint(), "Alice Meyer",
                "not the password!".toCharArray(), null, new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        failed.completeExceptionally(new AssertionError("signed in with a wrong password"));
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        failed.complete(failure);
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                    }

                    @Override
                    public void closed(String why) {
                    }
                });
        SignInFailure failure = failed.get(20, TimeUnit.SECONDS);
        assertEquals(SignInFailure.Kind.BAD_CREDENTIALS, failure.kind());
        assertEquals("wrong name or password", failure.message());
        team.close();
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
