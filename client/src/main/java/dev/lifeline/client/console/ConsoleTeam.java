package dev.lifeline.client.console;

import dev.lifeline.client.admin.AccountsViewModel;
import dev.lifeline.client.queue.QueueViewModel;
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamAccess;
import dev.lifeline.client.team.WaitingCustomer;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Issue 6: the Console's team side — sign-in, the live queue, account management for admins —
 * wired to the Console: signing in loads the certified technician, "Take" opens a session tab
 * as a code join does, a lost race goes back to the queue. FX thread only.
 */
public final class ConsoleTeam {
    private final ConsoleViewModel console;
    private final TeamAccess access;
    private final SignInViewModel signIn;
    private final QueueViewModel queue;
    private final AccountsViewModel accounts;

    ConsoleTeam(ConsoleViewModel console, TeamAccess access, Executor uiExecutor, Clock clock) {
        this.console = console;
        this.access = access;
        this.signIn = new SignInViewModel(access, uiExecutor);
        this.queue = new QueueViewModel(clock, this::take);
        this.accounts = new AccountsViewModel(signIn::accounts);
        signIn.onQueue(queue::update);
        signIn.onAccounts(accounts::replied);
        signIn.signedInProperty().addListener((obs, was, now) -> signedInChanged(was, now));
    }

    private void signedInChanged(SignedInTechnician was, SignedInTechnician now) {
        if (now == null) {
            queue.clear();
            accounts.accounts().clear();
            if (was != null && was.identity() != null) {
                console.signedOut();
            }
            return;
        }
        if (now.identity() != null) {
            console.signedIn(access.technician(now));
        }
        if (now.isAdmin()) {
            accounts.refresh();
        }
    }

    private void take(WaitingCustomer customer) {
        SignedInTechnician me = signIn.signedInProperty().get();
        if (me == null) {
            return;
        }
        ConsoleSessionViewModel session = console.pickFromQueue(customer, me.sessionToken());
        if (session == null) {
            queue.needIdentity(customer);
            return;
        }
        session.endProperty().addListener((obs, o, end) -> {
            if (end != null && end.reason() == dev.lifeline.client.session.SessionEnd.Reason.TAKEN_BY_ANOTHER) {
                // Lost the race: no tab for a session that never was; the queue says who took it.
                console.close(session);
                queue.lost(customer);
            }
        });
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public AccountsViewModel accounts() {
        return accounts;
    }
}
