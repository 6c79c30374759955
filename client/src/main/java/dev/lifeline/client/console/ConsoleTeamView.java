package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.admin.AccountsView;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.queue.QueueView;
import dev.lifeline.client.signin.SignInView;
import dev.lifeline.client.signin.SignInViewModel;
import dev.lifeline.client.signin.SignInViewModel.State;
import dev.lifeline.client.signin.SignedInBadge;
import dev.lifeline.client.team.SignedInTechnician;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;

/**
 * Issue 6's parts of the Console window: the sign-in card over the work area, who is signed in
 * (with Sign out) in the top bar, and the Queue and — for admins — Accounts tabs in front of the
 * session tabs. {@link ConsoleView} only places them.
 */
final class ConsoleTeamView {
    private final ConsoleTeam team;
    private final Messages messages;
    private final SignInView signInView;
    private final Tab queueTab = new Tab();
    private final Tab accountsTab = new Tab();
    private final BooleanBinding signInShowing;

    ConsoleTeamView(ConsoleTeam team, Messages messages) {
        this.team = team;
        this.messages = messages;
        SignInViewModel signIn = team.signIn();
        signInView = new SignInView(signIn, messages);
        signInShowing = Bindings.createBooleanBinding(() -> {
            State s = signIn.stateProperty().get();
            // A lost or ended sign-in never covers running sessions: the form comes once they are over.
            return (s == State.CHECKING || s == State.SIGNED_OUT || s == State.SIGNING_IN) && !team.sessionsRunningProperty().get();
        }, signIn.stateProperty(), team.sessionsRunningProperty());
        signInView.visibleProperty().bind(signInShowing);
        signInView.managedProperty().bind(signInView.visibleProperty());
        queueTab.setId("queueTab");
        // A new customer while another tab is in front: the count of new ones and an accent colour (no sound).
        queueTab.textProperty().bind(Bindings.createStringBinding(() -> team.queue().newWaitingProperty().get() > 0
                        ? messages.get("queue.tabNew", team.queue().waiting().size(), team.queue().newWaitingProperty().get())
                        : messages.get("queue.tab", team.queue().waiting().size()),
                team.queue().waiting(), team.queue().newWaitingProperty(), messages.localeProperty()));
        queueTab.styleProperty().bind(Bindings.when(team.queue().newWaitingProperty().greaterThan(0))
                .then("-fx-background-color: -color-accent-subtle; -fx-font-weight: bold;").otherwise(""));
        queueTab.selectedProperty().addListener((obs, was, now) -> team.queue().inFront(now));
        queueTab.setClosable(false);
        queueTab.setContent(new QueueView(team.queue(), messages));
        accountsTab.setId("accountsTab");
        accountsTab.textProperty().bind(messages.text("accounts.tab"));
        accountsTab.setClosable(false);
        accountsTab.setContent(new AccountsView(team.accounts(), messages));
    }

    /** "Sessions are running: end them and sign out?" — shown instead of signing out at once. */
    Node signOutQuestion() {
        SignInViewModel signIn = team.signIn();
        javafx.scene.control.Label text = new javafx.scene.control.Label();
        text.setId("signOutQuestion");
        text.setWrapText(true);
        text.textProperty().bind(messages.text("signin.signOutRunning"));
        Button end = new Button();
        end.setId("confirmSignOut");
        end.textProperty().bind(messages.text("signin.signOutEnd"));
        end.getStyleClass().add(Styles.DANGER);
        end.setOnAction(e -> signIn.answerSignOut(true));
        Button keep = new Button();
        keep.setId("cancelSignOut");
        keep.textProperty().bind(messages.text("signin.signOutKeep"));
        keep.getStyleClass().add(Styles.BUTTON_OUTLINED);
        keep.setOnAction(e -> signIn.answerSignOut(false));
        HBox box = new HBox(10, dev.lifeline.client.theme.Icons.icon(dev.lifeline.client.theme.Icons.WARNING, 18), text, end, keep);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().addAll("notice", "warning");
        box.setStyle("-fx-padding: 6 12 6 12;");
        box.visibleProperty().bind(signIn.confirmSignOutProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Issue 6: the cards of offered transfers and watch invitations; placed above the tabs. */
    Node offersPart() {
        return new dev.lifeline.client.offers.HandoverOffersView(team.offers(), messages);
    }

    /** The sign-in card; placed over the work area, visible while signed out. */
    Node signInOverlay() {
        return signInView;
    }

    /** Whether the sign-in card covers the work area (the identity-file controls hide meanwhile). */
    BooleanBinding signInShowing() {
        return signInShowing;
    }

    /** Top bar: who is signed in and Sign out, or "Sign in" when the relay has accounts and we use a code. */
    Node topBarPart() {
        SignInViewModel signIn = team.signIn();
        Button showSignIn = new Button();
        showSignIn.setId("showSignIn");
        showSignIn.textProperty().bind(messages.text("signin.showButton"));
        showSignIn.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        showSignIn.visibleProperty().bind(signIn.stateProperty().isEqualTo(State.CODE_ONLY).and(signIn.teamServerProperty()));
        showSignIn.managedProperty().bind(showSignIn.visibleProperty());
        showSignIn.setOnAction(e -> signIn.showSignIn());
        return new HBox(8, new SignedInBadge(signIn, messages), showSignIn);
    }

    /** Keeps the Queue (and, for admins, Accounts) tab in front of the session tabs while signed in. */
    void attach(TabPane tabs) {
        team.signIn().signedInProperty().addListener((obs, was, now) -> place(tabs, now));
        // A lost race or a customer who cannot be taken: the queue, with its note, comes to the front.
        team.queue().noticeProperty().addListener((obs, was, now) -> {
            if (now != null && tabs.getTabs().contains(queueTab)) {
                tabs.getSelectionModel().select(queueTab);
            }
        });
        place(tabs, team.signIn().signedInProperty().get());
    }

    private void place(TabPane tabs, SignedInTechnician who) {
        tabs.getTabs().removeAll(queueTab, accountsTab);
        if (who == null) {
            return;
        }
        tabs.getTabs().add(0, queueTab);
        if (who.isAdmin()) {
            tabs.getTabs().add(1, accountsTab);
        }
        if (tabs.getSelectionModel().getSelectedItem() == null || tabs.getTabs().size() <= 2) {
            tabs.getSelectionModel().select(queueTab);
        }
        team.queue().inFront(queueTab.isSelected());
    }
}
