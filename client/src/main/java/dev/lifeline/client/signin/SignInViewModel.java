package dev.lifeline.client.signin;

import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamAccess;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.TeamLink;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in to the relay's team server from the Console: name, password and — when the account
 * asks for it — the authenticator code. Owns the team connection while signed in and hands its
 * queue snapshots and account replies to whoever registered for them. Network events arrive on
 * another thread and are moved to {@code uiExecutor}; nothing here touches a node.
 */
public final class SignInViewModel {
    /** Where the screen is: asking the relay, the form, waiting for the answer, signed in, or code-only. */
    public enum State { CHECKING, SIGNED_OUT, SIGNING_IN, SIGNED_IN, CODE_ONLY }

    /** What to tell the person; the relay's own words come in {@link #detailProperty()}. */
    public enum Problem {
        NAME_MISSING, PASSWORD_MISSING, CODE_MISSING, CODE_INVALID,
        BAD_CREDENTIALS, SECOND_FACTOR_REQUIRED, LOCKED, DISABLED, NO_TEAM_SERVER, UNREACHABLE, CONNECTION_LOST, SESSION_ENDED
    }

    static final int MAX_NAME = 100;
    static final int MAX_PASSWORD = 1024;

    private final TeamAccess team;
    private final Executor uiExecutor;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.CHECKING);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty totpCode = new SimpleStringProperty(this, "totpCode", "");
    private final BooleanProperty totpNeeded = new SimpleBooleanProperty(this, "totpNeeded", false);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final LongProperty retryAfterSeconds = new SimpleLongProperty(this, "retryAfterSeconds", 0);
    private final ObjectProperty<SignedInTechnician> signedIn = new SimpleObjectProperty<>(this, "signedIn");
    private final StringProperty serverError = new SimpleStringProperty(this, "serverError", "");
    private final BooleanProperty teamServer = new SimpleBooleanProperty(this, "teamServer", false);

    private BiConsumer<List<WaitingCustomer>, Long> queueSink = (w, t) -> { };
    private Consumer<AccountReply> accountsSink = r -> { };
    private Consumer<List<String>> rosterSink = r -> { };
    private Consumer<HandoverOfferInfo> offerSink = o -> { };
    private Consumer<HandoverEvent> handoverSink = e -> { };
    private TeamLink link;
    /** The sign-in's current session token: renewed in the background before it expires. Any thread. */
    private volatile String sessionToken = "";
    private final LongProperty tokenExpiresAt = new SimpleLongProperty(this, "tokenExpiresAt", 0);
    /** Sign out while sessions run: asked first (the view shows the question). */
    private final BooleanProperty confirmSignOut = new SimpleBooleanProperty(this, "confirmSignOut", false);
    private java.util.function.BooleanSupplier sessionsRunning = () -> false;
    private Runnable endSessions = () -> { };
    /** Identifies the current attempt; events of an older one are dropped. */
    private Object attempt;

    public SignInViewModel(TeamAccess team, Executor uiExecutor) {
        this.team = Objects.requireNonNull(team);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        name.addListener((o, a, b) -> clearInputProblem());
        password.addListener((o, a, b) -> clearInputProblem());
        totpCode.addListener((o, a, b) -> clearInputProblem());
    }

    /** Asks the relay whether it has accounts: yes shows the form, no (or unreachable) the code flow. */
    public void check() {
        state.set(State.CHECKING);
        team.hasTeamServer().whenComplete((has, failure) -> uiExecutor.execute(() -> {
            if (state.get() != State.CHECKING) {
                return;
            }
            if (failure == null && Boolean.TRUE.equals(has)) {
                teamServer.set(true);
                state.set(State.SIGNED_OUT);
            } else {
                teamServer.set(false);
                if (failure != null) {
                    problem.set(Problem.UNREACHABLE);
                    detail.set(String.valueOf(rootMessage(failure)));
                }
                state.set(State.CODE_ONLY);
            }
        }));
    }

    /** Skips the check: the relay is known to have accounts (or the caller wants the form anyway). */
    public void assumeTeamServer() {
        teamServer.set(true);
        if (state.get() == State.CHECKING || state.get() == State.CODE_ONLY) {
            state.set(State.SIGNED_OUT);
        }
    }

    /** "Join by code instead": hides the form; the identity-file controls take over. */
    public void useCodeInstead() {
        if (state.get() == State.SIGNED_OUT || state.get() == State.CHECKING) {
            state.set(State.CODE_ONLY);
            problem.set(null);
        }
    }

    /** Back to the form from the code flow (only when the relay has accounts). */
    public void showSignIn() {
        if (state.get() == State.CODE_ONLY && teamServer.get()) {
            state.set(State.SIGNED_OUT);
        }
    }

    /** Checks the fields, then signs in off the FX thread. The password field is cleared either way. */
    public void signIn() {
        if (state.get() != State.SIGNED_OUT) {
            return;
        }
        String who = name.get() == null ? "" : name.get().strip();
        String secret = password.get() == null ? "" : password.get();
        String code = totpCode.get() == null ? "" : totpCode.get().replace(" ", "").strip();
        Problem invalid = who.isEmpty() || who.length() > MAX_NAME ? Problem.NAME_MISSING
                : secret.isEmpty() || secret.length() > MAX_PASSWORD ? Problem.PASSWORD_MISSING
                : totpNeeded.get() && code.isEmpty() ? Problem.CODE_MISSING
                : !code.isEmpty() && !code.matches("\\d{6}") ? Problem.CODE_INVALID : null;
        if (invalid != null) {
            problem.set(invalid);
            detail.set("");
            return;
        }
        char[] pass = secret.toCharArray();
        password.set("");
        totpCode.set("");
        problem.set(null);
        detail.set("");
        state.set(State.SIGNING_IN);
        Object mine = new Object();
        attempt = mine;
        try {
            link = team.signIn(who, pass, code, new Events(mine));
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    /**
     * "Sign out" as the person clicks it: with sessions running it only asks ({@link #confirmSignOutProperty()});
     * the answer comes to {@link #answerSignOut}. Without sessions it signs out at once.
     */
    public void requestSignOut() {
        if (sessionsRunning.getAsBoolean()) {
            confirmSignOut.set(true);
        } else {
            signOut();
        }
    }

    /** The answer to "sessions are running — end them and sign out?": yes ends them first, no keeps everything. */
    public void answerSignOut(boolean endAndSignOut) {
        if (!confirmSignOut.get()) {
            return;
        }
        confirmSignOut.set(false);
        if (endAndSignOut) {
            endSessions.run();
            signOut();
        }
    }

    /** Whether sessions are running (sign-out asks first) and how to end them. */
    public void guardSignOut(java.util.function.BooleanSupplier running, Runnable endThem) {
        this.sessionsRunning = Objects.requireNonNull(running);
        this.endSessions = Objects.requireNonNull(endThem);
    }

    /** Ends the sign-in on the relay and shows the form again. */
    public void signOut() {
        sessionToken = "";
        tokenExpiresAt.set(0);
        attempt = null;
        signOutLink();
        signedIn.set(null);
        totpNeeded.set(false);
        problem.set(null);
        detail.set("");
        state.set(teamServer.get() ? State.SIGNED_OUT : State.CODE_ONLY);
    }

    /** Admins: sends an account request on the signed-in connection. */
    public void accounts(AccountRequest request) {
        if (link != null && signedIn.get() != null) {
            link.accounts(request);
        }
    }

    /** Where queue snapshots go (FX thread). */
    public void onQueue(BiConsumer<List<WaitingCustomer>, Long> sink) {
        this.queueSink = Objects.requireNonNull(sink);
    }

    /** Where account replies go (FX thread). */
    public void onAccounts(Consumer<AccountReply> sink) {
        this.accountsSink = Objects.requireNonNull(sink);
    }

    /** Issue 6: where the team's roster (signed-in technicians who take handovers) goes (FX thread). */
    public void onRoster(Consumer<List<String>> sink) {
        this.rosterSink = Objects.requireNonNull(sink);
    }

    /** Issue 6: where handover offers to this technician go (FX thread). */
    public void onOffer(Consumer<HandoverOfferInfo> sink) {
        this.offerSink = Objects.requireNonNull(sink);
    }

    /** Issue 6: where the relay's word about an answered offer goes (FX thread). */
    public void onHandover(Consumer<HandoverEvent> sink) {
        this.handoverSink = Objects.requireNonNull(sink);
    }

    /** Issue 6: says no to an offer on the signed-in connection. */
    public void decline(HandoverOfferInfo offer) {
        if (link != null && signedIn.get() != null) {
            link.decline(offer);
        }
    }

    private void signOutLink() {
        TeamLink current = link;
        link = null;
        if (current != null) {
            current.signOut();
        }
    }

    private void closeLink() {
        TeamLink current = link;
        link = null;
        if (current != null) {
            current.close();
        }
    }

    private void clearInputProblem() {
        Problem p = problem.get();
        if (p == Problem.NAME_MISSING || p == Problem.PASSWORD_MISSING || p == Problem.CODE_MISSING || p == Problem.CODE_INVALID) {
            problem.set(null);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** One per attempt; drops events of an attempt that was replaced or signed out. */
    private final class Events implements TeamConnection.Listener {
        private final Object mine;

        Events(Object mine) {
            this.mine = mine;
        }

        private void onUi(Runnable r) {
            uiExecutor.execute(() -> {
                if (attempt == mine) {
                    r.run();
                }
            });
        }

        @Override
        public void signedIn(SignedInTechnician technician) {
            onUi(() -> {
                totpNeeded.set(false);
                problem.set(null);
                serverError.set("");
                sessionToken = technician.sessionToken();
                tokenExpiresAt.set(technician.tokenExpiresAtMs());
                signedIn.set(technician);
                state.set(State.SIGNED_IN);
            });
        }

        @Override
        public void signInFailed(SignInFailure failure) {
            onUi(() -> {
                boolean wasSignedIn = state.get() == State.SIGNED_IN;
                sessionToken = "";
                attempt = null;
                closeLink();
                signedIn.set(null);
                retryAfterSeconds.set((failure.retryAfterMs() + 999) / 1000);
                detail.set(failure.message());
                Problem p = switch (failure.kind()) {
                    case SECOND_FACTOR_REQUIRED -> Problem.SECOND_FACTOR_REQUIRED;
                    case LOCKED -> Problem.LOCKED;
                    case DISABLED -> Problem.DISABLED;
                    case NOT_AVAILABLE -> Problem.NO_TEAM_SERVER;
                    case CONNECTION -> Problem.UNREACHABLE;
                    case TOKEN_INVALID -> Problem.SESSION_ENDED;
                    case BAD_CREDENTIALS -> Problem.BAD_CREDENTIALS;
                };
                if (p == Problem.SECOND_FACTOR_REQUIRED) {
                    totpNeeded.set(true);
                }
                problem.set(wasSignedIn && p == Problem.BAD_CREDENTIALS ? Problem.SESSION_ENDED : p);
                if (p == Problem.NO_TEAM_SERVER) {
                    teamServer.set(false);
                    state.set(State.CODE_ONLY);
                } else {
                    state.set(State.SIGNED_OUT);
                }
            });
        }

        @Override
        public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
            onUi(() -> queueSink.accept(waiting, relayTimeMs));
        }

        @Override
        public void accounts(AccountReply reply) {
            onUi(() -> accountsSink.accept(reply));
        }

        @Override
        public void renewed(String token, long expiresAtMs) {
            onUi(() -> {
                if (signedIn.get() != null) {
                    sessionToken = token;
                    tokenExpiresAt.set(expiresAtMs);
                }
            });
        }

        @Override
        public void roster(List<String> technicians) {
            onUi(() -> rosterSink.accept(technicians));
        }

        @Override
        public void offer(HandoverOfferInfo offer) {
            onUi(() -> offerSink.accept(offer));
        }

        @Override
        public void handover(HandoverEvent event) {
            onUi(() -> handoverSink.accept(event));
        }

        @Override
        public void error(String message) {
            onUi(() -> {
                serverError.set(message);
                accountsSink.accept(AccountReply.newBuilder().setOk(false).setMessage(message).build());
            });
        }

        @Override
        public void closed(String why) {
            onUi(() -> {
                attempt = null;
                link = null;
                sessionToken = "";
                signedIn.set(null);
                detail.set(why == null ? "" : why);
                problem.set(state.get() == State.SIGNED_IN ? Problem.CONNECTION_LOST : Problem.UNREACHABLE);
                state.set(State.SIGNED_OUT);
            });
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty totpCodeProperty() {
        return totpCode;
    }

    public ReadOnlyBooleanProperty totpNeededProperty() {
        return totpNeeded;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** The relay's words for the last failure (shown small under the translated text). */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyLongProperty retryAfterSecondsProperty() {
        return retryAfterSeconds;
    }

    public ReadOnlyObjectProperty<SignedInTechnician> signedInProperty() {
        return signedIn;
    }

    /** The last non-fatal error from the relay while signed in (e.g. a refused admin request). */
    public ReadOnlyStringProperty serverErrorProperty() {
        return serverError;
    }

    public ReadOnlyBooleanProperty teamServerProperty() {
        return teamServer;
    }

    /** The current session token (renewed in the background; empty when signed out). Any thread. */
    public String sessionToken() {
        return sessionToken;
    }

    /** When the current token expires (relay time); moves on with every renewal. */
    public ReadOnlyLongProperty tokenExpiresAtProperty() {
        return tokenExpiresAt;
    }

    /** True while "end the running sessions and sign out?" waits for an answer. */
    public ReadOnlyBooleanProperty confirmSignOutProperty() {
        return confirmSignOut;
    }
}
