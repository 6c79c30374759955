package dev.lifeline.client.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.signin.SignInViewModel.Problem;
import dev.lifeline.client.signin.SignInViewModel.State;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.client.testing.FakeTeam;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.ListAccounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private final FakeTeam team = new FakeTeam();
    private final SignInViewModel vm = new SignInViewModel(team, Runnable::run);

    private void formShown() {
        vm.check();
        team.teamServer.complete(true);
        assertEquals(State.SIGNED_OUT, vm.state());
    }

    private void type(String name, String password) {
        vm.nameProperty().set(name);
        vm.passwordProperty().set(password);
    }

    @Test
    void relayWithoutAccountsGoesStraightToTheCodeFlow() {
        vm.check();
        assertEquals(State.CHECKING, vm.state());
        team.teamServer.complete(false);
        assertEquals(State.CODE_ONLY, vm.state());
        assertNull(vm.problemProperty().get());
        vm.showSignIn();
        assertEquals(State.CODE_ONLY, vm.state(), "no form to go back to");
    }

    @Test
    void unreachableRelayFallsBackToTheCodeFlowAndSaysWhy() {
        vm.check();
        team.teamServer.completeExceptionally(new IOException("connection refused"));
        assertEquals(State.CODE_ONLY, vm.state());
        assertEquals(Problem.UNREACHABLE, vm.problemProperty().get());
        assertEquals("connection refused", vm.detailProperty().get());
    }

    @Test
    void emptyFieldsAreCaughtBeforeAnythingIsSent() {
        formShown();
        vm.signIn();
        assertEquals(Problem.NAME_MISSING, vm.problemProperty().get());
        vm.nameProperty().set("Alice");
        assertNull(vm.problemProperty().get(), "typing clears the hint");
        vm.signIn();
        assertEquals(Problem.PASSWORD_MISSING, vm.problemProperty().get());
        assertTrue(team.attempts.isEmpty());
    }

    @Test
    void successSignsInClearsThePasswordAndSubscribesTheQueue() {
        formShown();
        List<List<WaitingCustomer>> snapshots = new ArrayList<>();
        vm.onQueue((waiting, time) -> snapshots.add(waiting));
        type("  Alice  ", "correct horse battery");
        vm.signIn();
        assertEquals(State.SIGNING_IN, vm.state());
        assertEquals("", vm.passwordProperty().get(), "the password does not stay in the field");
        FakeTeam.Attempt attempt = team.last();
        assertEquals("Alice", attempt.name());
        assertEquals("correct horse battery", attempt.password());

        SignedInTechnician alice = FakeTeam.signedIn("Alice", "technician");
        attempt.listener().signedIn(alice);
        assertEquals(State.SIGNED_IN, vm.state());
        assertSame(alice, vm.signedInProperty().get());
        attempt.listener().queue(List.of(FakeTeam.waiting(1, "Dana", "printer", 0, 600, false, false, WaitingCustomer.Sla.NONE)), 1000);
        assertEquals(1, snapshots.size());

        vm.signOut();
        assertTrue(attempt.link().closed, "sign-out ends the sign-in on the relay");
        assertEquals(State.SIGNED_OUT, vm.state());
        assertNull(vm.signedInProperty().get());
        attempt.listener().queue(List.of(), 2000);
        assertEquals(1, snapshots.size(), "events of the ended sign-in are dropped");
    }

    @Test
    void wrongPasswordLockoutAndDisabledAreSaidClearly() {
        formShown();
        type("Alice", "wrong");
        vm.signIn();
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.BAD_CREDENTIALS, "wrong name or password", 0));
        assertEquals(State.SIGNED_OUT, vm.state());
        assertEquals(Problem.BAD_CREDENTIALS, vm.problemProperty().get());
        assertTrue(team.last().link().closed);

        type("Alice", "wrong again");
        vm.signIn();
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.LOCKED, "locked", 29_001));
        assertEquals(Problem.LOCKED, vm.problemProperty().get());
        assertEquals(30, vm.retryAfterSecondsProperty().get(), "rounded up to whole seconds");

        type("Bob", "whatever it is");
        vm.signIn();
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.DISABLED, "disabled", 0));
        assertEquals(Problem.DISABLED, vm.problemProperty().get());
    }

    @Test
    void secondFactorShowsTheCodeFieldAndChecksTheCode() {
        formShown();
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.SECOND_FACTOR_REQUIRED, "code", 0));
        assertTrue(vm.totpNeededProperty().get());
        assertEquals(Problem.SECOND_FACTOR_REQUIRED, vm.problemProperty().get());

        vm.passwordProperty().set("correct horse battery");
        vm.signIn();
        assertEquals(Problem.CODE_MISSING, vm.problemProperty().get());
        vm.totpCodeProperty().set("12a456");
        vm.signIn();
        assertEquals(Problem.CODE_INVALID, vm.problemProperty().get());
        vm.totpCodeProperty().set("123 456");
        vm.signIn();
        assertEquals("123456", team.last().totp());
        team.last().listener().signedIn(FakeTeam.signedIn("Alice", "admin"));
        assertFalse(vm.totpNeededProperty().get());
    }

    @Test
    void relayWithoutDatabaseAnswersTheSignInAndTheFormGivesWayToTheCodeFlow() {
        vm.assumeTeamServer();
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signInFailed(new SignInFailure(SignInFailure.Kind.NOT_AVAILABLE, "this relay has no accounts", 0));
        assertEquals(State.CODE_ONLY, vm.state());
        assertEquals(Problem.NO_TEAM_SERVER, vm.problemProperty().get());
    }

    @Test
    void lostConnectionWhileSignedInShowsTheFormWithTheReason() {
        formShown();
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signedIn(FakeTeam.signedIn("Alice", "technician"));
        team.last().listener().closed("the relay closed the connection");
        assertEquals(State.SIGNED_OUT, vm.state());
        assertEquals(Problem.CONNECTION_LOST, vm.problemProperty().get());
        assertNull(vm.signedInProperty().get());
    }

    @Test
    void accountRequestsGoOutOnlyWhileSignedInAndRepliesComeBack() {
        formShown();
        List<AccountReply> replies = new ArrayList<>();
        vm.onAccounts(replies::add);
        AccountRequest list = AccountRequest.newBuilder().setList(ListAccounts.getDefaultInstance()).build();
        vm.accounts(list);
        type("Root", "correct horse battery");
        vm.signIn();
        vm.accounts(list);
        assertTrue(team.last().link().requests.isEmpty(), "not before the relay said yes");
        team.last().listener().signedIn(FakeTeam.signedIn("Root", "admin"));
        vm.accounts(list);
        assertEquals(1, team.last().link().requests.size());
        team.last().listener().error("account administration needs an admin sign-in");
        assertEquals(1, replies.size());
        assertFalse(replies.get(0).getOk());
        assertEquals("account administration needs an admin sign-in", vm.serverErrorProperty().get());
    }

    @Test
    void aRenewedTokenIsUsedFromThenOnAndARefusedRenewalEndsTheSignIn() {
        formShown();
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        assertEquals("token-Alice Meyer", vm.sessionToken());
        team.last().listener().renewed("token-2", 42_000L);
        assertEquals("token-2", vm.sessionToken());
        assertEquals(42_000L, vm.tokenExpiresAtProperty().get());
        assertEquals(State.SIGNED_IN, vm.state(), "a renewal is no new sign-in");

        // The relay refuses the next renewal (sign-in revoked): signed out, and said so.
        team.last().listener().signInFailed(new dev.lifeline.client.team.SignInFailure(
                dev.lifeline.client.team.SignInFailure.Kind.TOKEN_INVALID, "the session expired or was ended; sign in again", 0));
        assertEquals(State.SIGNED_OUT, vm.state());
        assertEquals(Problem.SESSION_ENDED, vm.problemProperty().get());
        assertEquals("", vm.sessionToken());
        assertTrue(team.last().link().closed);
    }

    @Test
    void signOutWithSessionsRunningAsksFirst() {
        formShown();
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        boolean[] running = {true};
        int[] ended = {0};
        vm.guardSignOut(() -> running[0], () -> {
            ended[0]++;
            running[0] = false;
        });
        vm.requestSignOut();
        assertTrue(vm.confirmSignOutProperty().get());
        assertEquals(State.SIGNED_IN, vm.state(), "nothing happens before the answer");
        vm.answerSignOut(false);
        assertEquals(State.SIGNED_IN, vm.state());
        assertEquals(0, ended[0]);
        assertFalse(team.last().link().closed);

        vm.requestSignOut();
        vm.answerSignOut(true);
        assertEquals(1, ended[0], "the sessions end first");
        assertEquals(State.SIGNED_OUT, vm.state());
        assertTrue(team.last().link().closed);
        vm.answerSignOut(true);
        assertEquals(1, ended[0], "an answer counts once");

        // No sessions: sign out at once.
        type("Alice", "correct horse battery");
        vm.signIn();
        team.last().listener().signedIn(FakeTeam.signedIn("Alice Meyer", "technician"));
        vm.requestSignOut();
        assertFalse(vm.confirmSignOutProperty().get());
        assertEquals(State.SIGNED_OUT, vm.state());
    }
}
