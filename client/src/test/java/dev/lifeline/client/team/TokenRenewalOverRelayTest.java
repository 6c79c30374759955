package dev.lifeline.client.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.console.ConsoleTeam;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.session.StandInFxThread;
import dev.lifeline.client.session.TeamRelay;
import dev.lifeline.client.signin.SignInViewModel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Console's sign-in outlives its token (real relay, TLS, H2): the relay issues 4-second tokens
 * and the Console renews each before it expires, so well after the first token is dead the
 * current one still opens a signed-in connection while the old one is refused. Disabling the
 * account makes the next renewal fail and the Console says the sign-in ended.
 */
class TokenRenewalOverRelayTest {
    static final Duration LIFETIME = Duration.ofSeconds(4);

    @RegisterExtension
    final TeamRelay relay = new TeamRelay(options -> options.sessionTokenLifetime(LIFETIME));
    private final StandInFxThread ui = new StandInFxThread();

    @BeforeEach
    void accounts() throws Exception {
        relay.technician("Alice Meyer");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    /** Opens (and closes) a connection signed in with {@code token}: what a pick or report does. */
    private void signInWith(String token) throws Exception {
        try (TeamRequests requests = TeamRequests.open(relay.client().group().next(), relay.client().endpoint(), token).get(10, TimeUnit.SECONDS)) {
            assertTrue(requests != null);
        }
    }

    /**
     * Signs in with the Console's current token. A renewal (every 3 s here) may replace it between
     * reading and using it, so a refusal counts only if the token was still the current one.
     */
    private void signInWithCurrentToken(SignInViewModel signIn) throws Exception {
        for (int attempt = 0; ; attempt++) {
            String current = ui.call(signIn::sessionToken);
            try {
                signInWith(current);
                return;
            } catch (ExecutionException refused) {
                if (attempt == 2 || current.equals(ui.call(signIn::sessionToken))) {
                    throw refused;
                }
            }
        }
    }

    /** Alice signs in through the Console's sign-in form, as in the window. */
    private SignInViewModel signInAsAlice(ConsoleViewModel console) throws Exception {
        ConsoleTeam team = ui.call(() -> console.useTeam(new RelayTeam(relay.client())));
        SignInViewModel signIn = team.signIn();
        ui.call(() -> {
            signIn.assumeTeamServer();
            signIn.nameProperty().set("Alice Meyer");
            signIn.passwordProperty().set(TeamRelay.PASSWORD);
            signIn.signIn();
        });
        ui.await("signed in", () -> signIn.state() == SignInViewModel.State.SIGNED_IN);
        return signIn;
    }

    @Test
    void signingOutRevokesTheTokenOnTheRelay() throws Exception {
        // Hour-long tokens: only the sign-out can make this one stop working within the test.
        relay.restart(options -> options.sessionTokenLifetime(Duration.ofHours(1)));
        ConsoleViewModel console = ui.call(() -> new ConsoleViewModel(relay.client().identities(), ui::execute, ui::execute));
        SignInViewModel signIn = signInAsAlice(console);
        String token = ui.call(signIn::sessionToken);
        signInWith(token); // a copy of the token works while signed in
        assertTrue(relay.accounts().resume(token).isPresent());

        ui.call(() -> {
            signIn.requestSignOut(); // no session running: signs out at once
            return null;
        });
        assertEquals(SignInViewModel.State.SIGNED_OUT, ui.call(signIn::state));
        // The relay revokes it off its event loop: look in its database rather than knock at its door
        // (repeated sign-ins from one address are rate-limited).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (relay.accounts().resume(token).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the signed-out token is still valid on the relay");
            Thread.sleep(50);
        }
        ExecutionException refused = assertThrows(ExecutionException.class, () -> signInWith(token));
        assertTrue(refused.getCause().getMessage().contains("sign in again"), refused.getCause().toString());
    }

    @Test
    void theConsoleRenewsBeforeExpiryAndARevokedSignInIsRefused() throws Exception {
        ConsoleViewModel console = ui.call(() -> new ConsoleViewModel(relay.client().identities(), ui::execute, ui::execute));
        SignInViewModel signIn = signInAsAlice(console);
        String first = ui.call(signIn::sessionToken);
        long firstExpiry = ui.call(() -> signIn.tokenExpiresAtProperty().get());

        // Two renewals later the first token's 4 s are long over.
        ui.await("renewed", () -> !signIn.sessionToken().equals(first));
        String second = ui.call(signIn::sessionToken);
        ui.await("renewed again", () -> !signIn.sessionToken().equals(second) && !signIn.sessionToken().equals(first));
        long now = System.currentTimeMillis();
        assertTrue(now > firstExpiry || ui.call(() -> signIn.tokenExpiresAtProperty().get()) > firstExpiry);
        assertEquals(SignInViewModel.State.SIGNED_IN, ui.call(signIn::state));
        signInWithCurrentToken(signIn);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> signInWith(first),
                "a renewed token is revoked");
        assertTrue(refused.getCause() instanceof TeamRequests.RequestFailedException, refused.toString());
        assertNotEquals(firstExpiry, ui.call(() -> signIn.tokenExpiresAtProperty().get()));

        // The admin disables the account: every token is revoked and the next renewal is refused.
        relay.accounts().disable("cli", "Alice Meyer");
        ui.await("the sign-in ended", () -> signIn.state() == SignInViewModel.State.SIGNED_OUT);
        assertEquals(SignInViewModel.Problem.SESSION_ENDED, ui.call(() -> signIn.problemProperty().get()));
        assertEquals("", ui.call(signIn::sessionToken));
        assertEquals(null, ui.call(() -> console.technicianProperty().get()), "the sign-in's certificate is no longer used");
    }
}
