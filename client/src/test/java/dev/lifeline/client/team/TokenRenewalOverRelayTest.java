package dev.lifeline.client.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.console.ConsoleTeam;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Console's sign-in outlives its token (real relay, TLS, H2): the relay issues 4-second tokens
 * and the Console renews each before it expires, so well after the first token is dead the
 * current one still opens a signed-in connection while the old one is refused. Disabling the
 * account makes the next renewal fail and the Console says the sign-in ended.
 */
class TokenRenewalOverRelayTest {
    static final String PASSWORD = "correct horse battery staple";
    static final Duration LIFETIME = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private Database database;
    private Accounts accounts;
    private RunningRelay relay;
    private RelayClient client;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @BeforeEach
    void start() throws Exception {
        database = Database.open(null, dir.resolve("relay"));
        Clock clock = Clock.systemUTC();
        accounts = new Accounts(database, new AuditLog(database, clock), clock, QueueSessionOverRelayTest.FAST,
                Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
        accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
        relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(OrganisationCa.create("ACME Support"))
                .passwordHashing(QueueSessionOverRelayTest.FAST).sessionTokenLifetime(LIFETIME).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
        database.close();
        ui.shutdownNow();
    }

    private <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(10, TimeUnit.SECONDS);
    }

    private void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onUi(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Opens (and closes) a connection signed in with {@code token}: what a pick or report does. */
    private void signInWith(String token) throws Exception {
        try (TeamRequests requests = TeamRequests.open(client.group().next(), client.endpoint(), token).get(10, TimeUnit.SECONDS)) {
            assertTrue(requests != null);
        }
    }

    @Test
    void signingOutRevokesTheTokenOnTheRelay() throws Exception {
        // Hour-long tokens: only the sign-out can make this one stop working within the test.
        client.close();
        relay.close();
        relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(OrganisationCa.create("ACME Support"))
                .passwordHashing(QueueSessionOverRelayTest.FAST).sessionTokenLifetime(Duration.ofHours(1)).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        ConsoleViewModel console = onUi(() -> new ConsoleViewModel(client.identities(), ui::execute, ui::execute));
        ConsoleTeam team = onUi(() -> console.useTeam(new RelayTeam(client)));
        SignInViewModel signIn = team.signIn();
        onUi(() -> {
            signIn.assumeTeamServer();
            signIn.nameProperty().set("Alice Meyer");
            signIn.passwordProperty().set(PASSWORD);
            signIn.signIn();
            return null;
        });
        await("signed in", () -> signIn.state() == SignInViewModel.State.SIGNED_IN);
        String token = onUi(signIn::sessionToken);
        signInWith(token); // a copy of the token works while signed in
        assertTrue(accounts.resume(token).isPresent());

        onUi(() -> {
            signIn.requestSignOut(); // no session running: signs out at once
            return null;
        });
        assertEquals(SignInViewModel.State.SIGNED_OUT, onUi(signIn::state));
        // The relay revokes it off its event loop: look in its database rather than knock at its door
        // (repeated sign-ins from one address are rate-limited).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accounts.resume(token).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the signed-out token is still valid on the relay");
            Thread.sleep(50);
        }
        ExecutionException refused = assertThrows(ExecutionException.class, () -> signInWith(token));
        assertTrue(refused.getCause().getMessage().contains("sign in again"), refused.getCause().toString());
    }

    @Test
    void theConsoleRenewsBeforeExpiryAndARevokedSignInIsRefused() throws Exception {
        ConsoleViewModel console = onUi(() -> new ConsoleViewModel(client.identities(), ui::execute, ui::execute));
        ConsoleTeam team = onUi(() -> console.useTeam(new RelayTeam(client)));
        SignInViewModel signIn = team.signIn();
        onUi(() -> {
            signIn.assumeTeamServer();
            signIn.nameProperty().set("Alice Meyer");
            signIn.passwordProperty().set(PASSWORD);
            signIn.signIn();
            return null;
        });
        await("signed in", () -> signIn.state() == SignInViewModel.State.SIGNED_IN);
        String first = onUi(signIn::sessionToken);
        long firstExpiry = onUi(() -> signIn.tokenExpiresAtProperty().get());

        // Two renewals later the first token's 4 s are long over.
        await("renewed", () -> !signIn.sessionToken().equals(first));
        String second = onUi(signIn::sessionToken);
        await("renewed again", () -> !signIn.sessionToken().equals(second) && !signIn.sessionToken().equals(first));
        long now = System.currentTimeMillis();
        assertTrue(now > firstExpiry || onUi(() -> signIn.tokenExpiresAtProperty().get()) > firstExpiry);
        String current = onUi(signIn::sessionToken);
        assertEquals(SignInViewModel.State.SIGNED_IN, onUi(signIn::state));
        signInWith(current);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> signInWith(first),
                "a renewed token is revoked");
        assertTrue(refused.getCause() instanceof TeamRequests.RequestFailedException, refused.toString());
        assertNotEquals(firstExpiry, onUi(() -> signIn.tokenExpiresAtProperty().get()));

        // The admin disables the account: every token is revoked and the next renewal is refused.
        accounts.disable("cli", "Alice Meyer");
        await("the sign-in ended", () -> signIn.state() == SignInViewModel.State.SIGNED_OUT);
        assertEquals(SignInViewModel.Problem.SESSION_ENDED, onUi(() -> signIn.problemProperty().get()));
        assertEquals("", onUi(signIn::sessionToken));
        assertEquals(null, onUi(() -> console.technicianProperty().get()), "the sign-in's certificate is no longer used");
    }
}
