package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.console.ConsoleViewModel.CodeError;
import dev.lifeline.client.console.ConsoleViewModel.IdentityError;
import dev.lifeline.client.i18n.LanguagePicker;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.theme.Icons;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The technician's Console: identity and "Join with code" on top, one tab per session. */
public final class ConsoleView extends BorderPane {
    private final ConsoleViewModel vm;
    private final Messages messages;
    private final ZoneId zone;
    private final TabPane tabs = new TabPane();
    private final Map<ConsoleSessionViewModel, Tab> tabOf = new HashMap<>();
    private final PasswordField passphrase = new PasswordField();
    private final TextField codeField = new TextField();

    public ConsoleView(ConsoleViewModel vm, Messages messages) {
        this(vm, messages, ZoneId.systemDefault());
    }

    public ConsoleView(ConsoleViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.zone = zone;
        getStyleClass().add("console");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = label("console.appTitle", "app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        LanguagePicker language = new LanguagePicker(messages);
        language.setMinWidth(Region.USE_PREF_SIZE);
        Node identity = identityArea();
        // Issue 6: sign-in, queue and accounts when the relay is a team server (ConsoleTeamView).
        ConsoleTeamView team = vm.team() == null ? null : new ConsoleTeamView(vm.team(), messages);
        HBox topBar = new HBox(Icons.icon(Icons.HELP, 20, "accent"), title, gapW(12), identity, spacer, language);
        if (team != null) {
            identity.visibleProperty().bind(team.signInShowing().not()
                    .and(vm.team().signIn().signedInProperty().isNull()));
            identity.managedProperty().bind(identity.visibleProperty());
            topBar.getChildren().add(3, team.topBarPart());
        }
        topBar.getStyleClass().add("top-bar");
        Node joinBar = joinArea();
        joinBar.getStyleClass().addAll("top-bar", "join-bar");
        // Issue 6: offered transfers and watch invitations show as cards under the bars, over every tab.
        // Issue 5: after a sign-in, what became of the reports kept on this computer.
        setTop(team == null ? new VBox(topBar, joinBar, uploadNotice()) : new VBox(topBar, team.signOutQuestion(), joinBar, team.offersPart(), uploadNotice()));

        tabs.setId("sessionTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Node empty = emptyState();
        // Session tabs, the lead's Review tab (issue 7) and the Queue/Accounts tabs (issue 6) all live in `tabs`.
        empty.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        tabs.visibleProperty().bind(empty.visibleProperty().not());
        StackPane work = new StackPane(tabs, empty);
        if (team != null) {
            team.attach(tabs);
            empty.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()).and(team.signInShowing().not()));
            tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()).and(team.signInShowing().not()));
            work.getChildren().add(team.signInOverlay());
        }
        setCenter(work);

        vm.sessions().forEach(this::addTab);
        vm.sessions().addListener((ListChangeListener<ConsoleSessionViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> tabs.getTabs().remove(tabOf.remove(s)));
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && tabOf.containsKey(n)) {
                tabs.getSelectionModel().select(tabOf.get(n));
            }
        });
        // Issue 7: leads get a "Review" tab first (sessions list, reports, dashboard).
        vm.reviewProperty().addListener((obs, o, n) -> showReview(n));
        showReview(vm.reviewProperty().get());
        if (vm.selectedProperty().get() != null && tabOf.containsKey(vm.selectedProperty().get())) {
            tabs.getSelectionModel().select(tabOf.get(vm.selectedProperty().get()));
        }
    }

    private Node identityArea() {
        // Loaded: name, organisation, valid until.
        Label name = new Label();
        name.setId("identityName");
        name.getStyleClass().add("identity-name");
        name.textProperty().bind(Bindings.createStringBinding(
                () -> vm.technicianProperty().get() == null ? "" : vm.technicianProperty().get().name(),
                vm.technicianProperty()));
        Label detail = new Label();
        detail.setId("identityDetail");
        detail.getStyleClass().add("identity-detail");
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedTechnician t = vm.technicianProperty().get();
            if (t == null) {
                return "";
            }
            String until = t.validUntil() == null ? "?" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(messages.locale()).format(t.validUntil().atZone(zone));
            return messages.get("console.identity.detail", t.organisation(), until);
        }, vm.technicianProperty(), messages.localeProperty()));
        Button change = new Button();
        change.textProperty().bind(messages.text("console.identity.change"));
        change.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        change.setOnAction(e -> vm.unloadIdentity());
        detail.setMinWidth(Region.USE_PREF_SIZE);
        change.setMinWidth(Region.USE_PREF_SIZE);
        VBox texts = new VBox(1, name, detail);
        HBox loaded = new HBox(8, Icons.icon(Icons.PERSON, 24, "accent"), texts, change);
        loaded.setAlignment(Pos.CENTER_LEFT);
        loaded.setId("identityLoaded");

        // Not loaded: passphrase + Load identity…, errors below.
        passphrase.setId("passphrase");
        passphrase.promptTextProperty().bind(messages.text("console.identity.passphrase"));
        passphrase.setPrefColumnCount(14);
        passphrase.setMinWidth(Region.USE_PREF_SIZE);
        passphrase.setOnAction(e -> {
            if (vm.identityFileProperty().get() != null) {
                vm.retryLoad(passphrase.getText().toCharArray());
                passphrase.clear();
            } else {
                chooseAndLoad();
            }
        });
        Button load = new Button();
        load.setId("loadIdentity");
        load.textProperty().bind(messages.text("console.identity.load"));
        load.getStyleClass().add(Styles.ACCENT);
        load.setOnAction(e -> chooseAndLoad());
        load.disableProperty().bind(vm.loadingProperty());
        load.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label none = label("console.identity.none", "identity-detail");
        none.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, none, passphrase, load, busy);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("identityError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            IdentityError e = vm.identityErrorProperty().get();
            return e == null ? "" : messages.get("console.identity.error." + e.name());
        }, vm.identityErrorProperty(), messages.localeProperty()));
        error.visibleProperty().bind(vm.identityErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        VBox notLoaded = new VBox(4, controls, error);
        notLoaded.setId("identityNotLoaded");

        loaded.visibleProperty().bind(vm.technicianProperty().isNotNull());
        loaded.managedProperty().bind(loaded.visibleProperty());
        notLoaded.visibleProperty().bind(loaded.visibleProperty().not());
        notLoaded.managedProperty().bind(notLoaded.visibleProperty());
        vm.identityErrorProperty().addListener((obs, o, n) -> {
            if (n == IdentityError.WRONG_PASSPHRASE) {
                passphrase.requestFocus();
            }
        });
        return new HBox(loaded, notLoaded);
    }

    private void chooseAndLoad() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("console.identity.chooserTitle"));
        Path last = vm.identityFileProperty().get();
        if (last != null && last.getParent() != null && last.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(last.getParent().toFile());
        }
        Window window = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showOpenDialog(window);
        if (file != null) {
            vm.loadIdentity(file.toPath(), passphrase.getText().toCharArray());
            passphrase.clear();
        }
    }

    private Node joinArea() {
        Label label = label("console.join.label", null);
        label.setLabelFor(codeField);
        label.setMinWidth(Region.USE_PREF_SIZE);
        codeField.setId("codeField");
        codeField.promptTextProperty().bind(messages.text("console.join.prompt"));
        codeField.setPrefColumnCount(11);
        codeField.getStyleClass().add("code-field");
        codeField.textProperty().bindBidirectional(vm.codeInputProperty());
        codeField.setOnAction(e -> vm.join());
        codeField.disableProperty().bind(vm.canJoin().not());
        Button join = new Button();
        join.setId("join");
        join.textProperty().bind(messages.text("console.join.button"));
        join.getStyleClass().add(Styles.ACCENT);
        join.disableProperty().bind(vm.canJoin().not());
        join.setOnAction(e -> vm.join());
        join.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("codeError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            CodeError e = vm.codeErrorProperty().get();
            if (e != null) {
                return messages.get("console.join.error." + e.name());
            }
            return vm.technicianProperty().get() == null ? messages.get("console.join.needIdentity") : "";
        }, vm.codeErrorProperty(), vm.technicianProperty(), messages.localeProperty()));
        error.styleProperty().bind(Bindings.when(vm.codeErrorProperty().isNull())
                .then("-fx-text-fill: -color-fg-muted;").otherwise(""));
        vm.codeErrorProperty().addListener((obs, o, n) -> codeField.pseudoClassStateChanged(Styles.STATE_DANGER, n != null));
        error.setMinWidth(0);
        HBox row = new HBox(8, label, codeField, join, error);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** After a sign-in: reports kept on this computer that went to the team's records, or could not. */
    private Node uploadNotice() {
        Label text = new Label();
        text.setId("reportUpload");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            dev.lifeline.client.report.RelayReportStore.Upload u = vm.reportUploadProperty().get();
            if (u == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            if (u.filed() > 0) {
                parts.add(messages.get("report.upload.filed", u.filed()));
            }
            if (!u.refused().isEmpty()) {
                parts.add(messages.get("report.upload.refused", u.refused().size(), String.valueOf(u.folder())));
            }
            if (u.waiting() > 0) {
                parts.add(messages.get("report.upload.waiting", u.waiting(), u.problem()));
            }
            return String.join(" ", parts);
        }, vm.reportUploadProperty(), messages.localeProperty()));
        Button dismiss = new Button("×");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> vm.reportsUploaded(null));
        HBox box = new HBox(8, Icons.icon(Icons.INFO, 16), text, dismiss);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("ended-banner");
        box.visibleProperty().bind(vm.reportUploadProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node emptyState() {
        Label title = label("console.empty.title", "step-title");
        Label text = label("console.empty.text", "step-text");
        text.setWrapText(true);
        text.setMaxWidth(440);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(10, Icons.icon(Icons.HELP, 56), title, text);
        box.getStyleClass().add("empty-sessions");
        box.setId("emptySessions");
        return box;
    }

    private Tab reviewTab;

    private void showReview(dev.lifeline.client.review.ReviewWorkspace workspace) {
        if (reviewTab != null) {
            tabs.getTabs().remove(reviewTab);
            reviewTab = null;
        }
        if (workspace != null) {
            reviewTab = new Tab("Review", new dev.lifeline.client.review.ReviewWorkspaceView(workspace, zone));
            reviewTab.setId("reviewTab");
            reviewTab.setClosable(false);
            tabs.getTabs().add(0, reviewTab);
            tabs.getSelectionModel().select(reviewTab);
        }
    }

    private void addTab(ConsoleSessionViewModel session) {
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.createStringBinding(() -> {
            String name = session.customerName().get();
            String base = name.isEmpty() ? session.title() : name;
            if (session.watchOnly()) {
                base = messages.get("console.tab.watching", base);
            }
            return session.step() == ConsoleSessionViewModel.Step.ENDED
                    ? messages.get("console.tab.ended", base) : base;
        }, session.customerName(), session.stepProperty(), messages.localeProperty()));
        tab.setContent(new ConsoleSessionView(session, messages, zone));
        tab.setOnCloseRequest(e -> {
            e.consume();
            vm.close(session);
        });
        tabOf.put(session, tab);
        tabs.getTabs().add(tab);
    }

    private static Region gapW(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        return r;
    }

    private Label label(String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }
}
