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
    /** Issue 6: transfers and watch invitations offered to this technician. */
    private final dev.lifeline.client.offers.HandoverOffersViewModel offers;
    private java.util.List<String> roster = java.util.List.of();
    /** Whether a session tab still runs: sign-out asks first, and a lost sign-in does not cover the tabs. */
    private final javafx.beans.property.BooleanProperty sessionsRunning = new javafx.beans.property.SimpleBooleanProperty(this, "sessionsRunning");

    ConsoleTeam(ConsoleViewModel console, TeamAccess access, Executor uiExecutor, Clock clock) {
        this.console = console;
        this.access = access;
        this.signIn = new SignInViewModel(access, uiExecutor);
        this.queue = new QueueViewModel(clock, this::take);
        this.accounts = new AccountsViewModel(signIn::accounts);
        signIn.onQueue(queue::update);
        signIn.onAccounts(accounts::replied);
        this.offers = new dev.lifeline.client.offers.HandoverOffersViewModel(clock, this::takeOffer, signIn::decline);
        signIn.onOffer(offers::offered);
        signIn.onHandover(offers::event);
        signIn.onRoster(names -> {
            roster = names;
            giveRoster();
        });
        signIn.signedInProperty().addListener((obs, was, now) -> signedInChanged(was, now));
        // Sign out with sessions running asks first; yes ends them (a session keeps no sign-in of its own).
        signIn.guardSignOut(sessionsRunning::get, console::endAll);
        console.sessions().addListener((javafx.collections.ListChangeListener<ConsoleSessionViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(s -> s.stepProperty().addListener((obs, o, n) -> countRunning()));
            }
            countRunning();
        });
    }

    private void signedInChanged(SignedInTechnician was, SignedInTechnician now) {
        if (now == null) {
            queue.clear();
            offers.clear();
            roster = java.util.List.of();
            giveRoster();
            accounts.accounts().clear();
            if (was != null && was.identity() != null) {
                console.signedOut();
            }
            return;
        }
        if (now.identity() != null) {
            console.signedIn(access.technician(now, signIn::sessionToken));
        }
        if (now.isAdmin()) {
            accounts.refresh();
        }
        giveRoster();
    }

    /** Every session tab's "Hand over" menu lists the team's signed-in technicians but this one. */
    private void giveRoster() {
        SignedInTechnician me = signIn.signedInProperty().get();
        console.handoverRoster(me == null ? java.util.List.of() : roster, me == null ? "" : me.name());
    }

    /** Accept on an offer card: the session (or watch) tab opens, taken as the headless --take-handover does. */
    private void takeOffer(dev.lifeline.client.handover.HandoverOfferInfo offer) {
        SignedInTechnician me = signIn.signedInProperty().get();
        if (me == null) {
            return;
        }
        if (console.takeHandover(offer, signIn.sessionToken()) == null) {
            offers.cannotTake("Load your identity file to take sessions: this relay issues no certificates.");
        }
    }

    private void take(WaitingCustomer customer) {
        SignedInTechnician me = signIn.signedInProperty().get();
        if (me == null) {
            return;
        }
        ConsoleSessionViewModel session = console.pickFromQueue(customer, signIn.sessionToken());
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

    private void countRunning() {
        sessionsRunning.set(console.sessions().stream().anyMatch(s -> s.step() != ConsoleSessionViewModel.Step.ENDED));
    }

    /** Whether any session tab still runs. */
    public javafx.beans.property.ReadOnlyBooleanProperty sessionsRunningProperty() {
        return sessionsRunning;
    }

    /** Issue 6: the offer cards. */
    public dev.lifeline.client.offers.HandoverOffersViewModel offers() {
        return offers;
    }
}
