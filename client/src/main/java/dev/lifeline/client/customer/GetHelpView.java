package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.chat.ChatView;
import dev.lifeline.client.files.FileOfferCard;
import dev.lifeline.client.files.TransferListView;
import dev.lifeline.client.customer.GetHelpViewModel.Step;
import dev.lifeline.client.i18n.LanguagePicker;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.theme.Icons;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The customer's Get Help window content: one obvious thing to do at each step. */
public final class GetHelpView extends BorderPane {
    private final GetHelpViewModel vm;
    private final Messages messages;
    private final ZoneId zone;
    private final Map<Step, Node> pages = new EnumMap<>(Step.class);
    private final Label appTitle;
    private final HBox topBar;
    private final VBox top;
    private final StackPane center;
    private boolean sessionPartsBuilt;

    public GetHelpView(GetHelpViewModel vm, Messages messages) {
        this(vm, messages, ZoneId.systemDefault());
    }

    public GetHelpView(GetHelpViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.zone = zone;
        getStyleClass().add("get-help");

        appTitle = label("gethelp.appTitle", "app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        topBar = new HBox(Icons.icon(Icons.HELP, 20, "accent"), appTitle, spacer, new LanguagePicker(messages));
        topBar.getStyleClass().add("top-bar");

        top = new VBox(topBar);
        setTop(top);
        pages.put(Step.IDLE, idlePage());
        center = new StackPane();
        showPages();
        setCenter(center);
        // Start-up (issue 8): only the first page is built before the window opens; the pages,
        // banners and cards of a session come right after the first frame, or at once if a
        // session starts before that. The network threads, too, are made after the first frame.
        if (vm.stepProperty().get() == Step.IDLE) {
            vm.stepProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Step> obs, Step o, Step n) {
                    obs.removeListener(this);
                    buildSessionParts();
                }
            });
            whenShownThenAfterFirstFrame(() -> {
                buildSessionParts();
                vm.windowReady();
            });
        } else {
            buildSessionParts();
        }

        Button end = new Button();
        end.setId("endSession");
        end.textProperty().bind(messages.text("session.end"));
        end.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        end.setOnAction(e -> vm.endSession());
        end.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(end);
        HBox.setHgrow(end, Priority.ALWAYS);
        bottom.getStyleClass().add("bottom-bar");
        bottom.visibleProperty().bind(vm.sessionRunning());
        bottom.managedProperty().bind(bottom.visibleProperty());
        setBottom(bottom);
    }

    /** What only a session shows: its banners, pages and the questions over them. Once. */
    private void buildSessionParts() {
        if (sessionPartsBuilt) {
            return;
        }
        sessionPartsBuilt = true;
        top.getChildren().addAll(linkBanner(), new ScreenSharingBanner(vm, messages), new HandoverBanner(vm, messages),
                new RemoteControlBanner(vm, messages), new ConsentChips(vm, messages), new ClipboardNoticeBar(vm, messages));
        pages.put(Step.CONNECTING, busyPage("gethelp.connecting", "connectingPage"));
        pages.put(Step.WAITING, waitingPage());
        pages.put(Step.VERIFYING, busyPage("gethelp.verifying", "verifyingPage"));
        pages.put(Step.SECURED, securedPage());
        pages.put(Step.ENDED, endedPage());
        showPages();
        center.getChildren().add(new ScreenConsentCard(vm, messages));
        center.getChildren().add(new RecordingNoticeCard(vm, messages));
        center.getChildren().add(new CapabilityConsentCard(vm, messages));
        center.getChildren().add(new DiagnosticsReviewCard(vm, messages));
        center.getChildren().add(new WatchConsentCard(vm, messages));
        FileOfferCard offer = new FileOfferCard(vm.transfers(), messages, Bindings.createStringBinding(() -> messages.get(
                "offer.title", vm.technicianProperty().get() == null ? "" : vm.technicianProperty().get().name()),
                vm.technicianProperty(), messages.localeProperty()));
        // Over the page like the consent cards: the person answers before going on.
        StackPane offerScrim = new StackPane(offer);
        offerScrim.getStyleClass().add("screen-consent-scrim");
        offerScrim.visibleProperty().bind(offer.visibleProperty());
        offerScrim.managedProperty().bind(offer.visibleProperty());
        center.getChildren().add(offerScrim);
    }

    /** Puts the pages not yet in the centre there, in step order, each visible at its step. */
    private void showPages() {
        int at = 0;
        for (Map.Entry<Step, Node> entry : pages.entrySet()) {
            Node page = entry.getValue();
            if (!center.getChildren().contains(page)) {
                page.visibleProperty().bind(vm.stepProperty().isEqualTo(entry.getKey()));
                page.managedProperty().bind(page.visibleProperty());
                center.getChildren().add(at, page);
            }
            at++;
        }
    }

    /** Runs {@code task} on the FX thread once the window showing this view has drawn its first frame. */
    private void whenShownThenAfterFirstFrame(Runnable task) {
        javafx.beans.value.ChangeListener<Boolean> showing = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean is) {
                if (is) {
                    obs.removeListener(this);
                    afterNextPulses(task);
                }
            }
        };
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
                        window.showingProperty().addListener(showing);
                    }
                });
            }
        });
    }

    private static void afterNextPulses(Runnable task) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The second pulse starts once the first one's frame was handed to the renderer.
                if (++pulses >= 2) {
                    stop();
                    task.run();
                }
            }
        }.start();
    }

    /** Installer branding: the organisation's product name (and logo, if any) in the top bar. */
    public void brand(String productName, Image logo) {
        appTitle.textProperty().unbind();
        appTitle.setText(productName);
        if (logo != null) {
            ImageView view = new ImageView(logo);
            view.setFitHeight(20);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            topBar.getChildren().set(0, view);
        }
    }

    private Node linkBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.setId("linkBanner");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            LinkState s = vm.linkStateProperty().get();
            if (s == LinkState.RECONNECTING) {
                return messages.get("link.reconnecting");
            }
            if (s == LinkState.PEER_AWAY) {
                return messages.get("link.technicianAway");
            }
            return "";
        }, vm.linkStateProperty(), messages.localeProperty()));
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(16, 16);
        HBox banner = new HBox(spin, text);
        banner.getStyleClass().add("link-banner");
        banner.visibleProperty().bind(vm.linkStateProperty().isNotEqualTo(LinkState.CONNECTED)
                .and(vm.sessionRunning()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node idlePage() {
        Label heading = label("gethelp.idle.title", "step-title");
        Label text = label("gethelp.idle.text", "step-text");
        TextField name = new TextField();
        name.setId("customerName");
        name.promptTextProperty().bind(messages.text("gethelp.name.prompt"));
        name.textProperty().bindBidirectional(vm.customerNameProperty());
        name.setMaxWidth(300);
        name.setOnAction(e -> vm.getHelp());
        Label nameLabel = label("gethelp.name.label", "hint");
        nameLabel.setLabelFor(name);
        VBox nameBox = new VBox(4, nameLabel, name);
        nameBox.setAlignment(Pos.CENTER_LEFT);
        nameBox.setMaxWidth(300);

        Button help = new Button();
        help.setId("getHelp");
        help.textProperty().bind(messages.text("gethelp.button"));
        help.getStyleClass().addAll(Styles.ACCENT, "big-button");
        help.setDefaultButton(true);
        help.setOnAction(e -> vm.getHelp());
        help.setMinWidth(300);

        Label privacy = label("gethelp.idle.privacy", "hint");
        VBox page;
        if (vm.helpRequest() == null) {
            page = step(Icons.icon(Icons.HELP, 64, "accent"), heading, text, gap(8), help, gap(8), nameBox, gap(12), privacy);
        } else {
            // Issue 6: with a queue, the request form (name, problem, contact) comes first, then the button.
            Node form = new dev.lifeline.client.helprequest.HelpRequestForm(vm.helpRequest(), messages, vm::getHelp);
            page = step(Icons.icon(Icons.HELP, 40, "accent"), heading, text, form, help, privacy);
            text.setMinHeight(Region.USE_PREF_SIZE);
            page.setSpacing(10);
        }
        page.setId("idlePage");
        return page;
    }

    private Node busyPage(String key, String id) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(56, 56);
        VBox page = step(spinner, label(key, "step-text"));
        page.setId(id);
        return page;
    }

    private Node waitingPage() {
        Label read = label("gethelp.code.read", "step-title");
        Label code = new Label();
        code.setId("sessionCode");
        code.getStyleClass().add("session-code");
        code.textProperty().bind(vm.codeDisplay());
        code.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button();
        copy.setId("copyCode");
        copy.setGraphic(Icons.icon(Icons.COPY, 14));
        copy.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.SMALL);
        StringBinding copyText = messages.text("gethelp.code.copy");
        StringBinding copiedText = messages.text("gethelp.code.copied");
        copy.textProperty().bind(copyText);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.codeForClipboard());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.textProperty().bind(copiedText);
        });
        vm.codeProperty().addListener((obs, o, n) -> copy.textProperty().bind(copyText));
        VBox codeBox = new VBox(code, copy);
        codeBox.getStyleClass().add("code-box");
        codeBox.setMaxWidth(Region.USE_PREF_SIZE);

        Label expires = new Label();
        expires.getStyleClass().add("hint");
        expires.setId("codeExpiry");
        expires.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant at = vm.codeExpiresAtProperty().get();
            return at == null ? "" : messages.get("gethelp.code.expires", DateTimeFormatter
                    .ofLocalizedTime(FormatStyle.SHORT).withLocale(messages.locale()).format(at.atZone(zone)));
        }, vm.codeExpiresAtProperty(), messages.localeProperty()));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label waiting = label("gethelp.waiting", "step-text");
        HBox waitingRow = new HBox(8, spinner, waiting);
        waitingRow.setAlignment(Pos.CENTER);

        Node wrong = notice("warning", Icons.WARNING, "gethelp.wrongCode.title",
                messages.text("gethelp.wrongCode.text", vm.wrongAttemptsLeftProperty()), "wrongCodeNotice");
        wrong.visibleProperty().bind(vm.wrongAttemptsLeftProperty().greaterThanOrEqualTo(0));
        wrong.managedProperty().bind(wrong.visibleProperty());
        Node burned = notice("info", Icons.INFO, "gethelp.burned.title",
                messages.text("gethelp.burned.text", vm.burnedAttemptsProperty()), "burnedNotice");
        burned.visibleProperty().bind(vm.burnedAttemptsProperty().greaterThan(0));
        burned.managedProperty().bind(burned.visibleProperty());

        VBox page = step(read, codeBox, expires, gap(6), waitingRow, gap(6), burned, wrong);
        if (vm.helpRequest() != null) {
            // Issue 6: in the queue as well: the place in line, under the code (both pair).
            var request = vm.helpRequest();
            waiting.textProperty().unbind();
            waiting.textProperty().bind(Bindings.createStringBinding(() -> !request.queuedProperty().get()
                    ? messages.get("gethelp.waiting")
                    : request.positionProperty().get() > 0
                    ? messages.get("gethelp.request.position", request.positionProperty().get())
                    : messages.get("gethelp.request.inQueue"),
                    request.queuedProperty(), request.positionProperty(), messages.localeProperty()));
            waiting.setId("queuePosition");
            waiting.setWrapText(true);
            waiting.setMaxWidth(320);
            waiting.setMinHeight(Region.USE_PREF_SIZE);
        }
        page.setId("waitingPage");
        return page;
    }

    private Node securedPage() {
        VBox cardHolder = new VBox();
        vm.technicianProperty().addListener((obs, o, peer) -> cardHolder.getChildren().setAll(
                peer == null ? new Region() : technicianCard(peer)));
        if (vm.technicianProperty().get() != null) {
            cardHolder.getChildren().setAll(technicianCard(vm.technicianProperty().get()));
        }
        ChatView chat = new ChatView(vm.chat(), messages, zone);
        VBox.setVgrow(chat, Priority.ALWAYS);
        Button sendFile = new Button();
        sendFile.setId("sendFile");
        sendFile.textProperty().bind(messages.text("files.send"));
        sendFile.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        sendFile.visibleProperty().bind(vm.transfers().allowedProperty());
        sendFile.managedProperty().bind(sendFile.visibleProperty());
        sendFile.setOnAction(e -> {
            java.util.List<java.io.File> files = new javafx.stage.FileChooser().showOpenMultipleDialog(
                    getScene() == null ? null : getScene().getWindow());
            if (files != null) {
                vm.transfers().send(files.stream().map(java.io.File::toPath).toList());
            }
        });
        VBox files = new VBox(6, sendFile, new TransferListView(vm.transfers(), messages));
        files.setId("customerFiles");
        VBox page = new VBox(12, cardHolder, files, chat);
        page.getStyleClass().add("session-body");
        page.setId("securedPage");
        return page;
    }

    /** Verified card, amber "not verified" note or red warning, by the technician's trust. */
    private Node technicianCard(PeerInfo peer) {
        Label name = new Label(peer.name());
        name.setId("technicianName");
        name.getStyleClass().add("tech-name");
        name.setWrapText(true);
        Label org = new Label(peer.organisation());
        org.setId("technicianOrganisation");
        org.getStyleClass().add("tech-org");
        org.setWrapText(true);
        HBox secure = new HBox(Icons.icon(Icons.LOCK, 12, "success"), label("session.e2e", null));
        secure.getStyleClass().add("secure-line");

        switch (peer.trust()) {
            case UNTRUSTED -> {
                Label title = label("trust.untrusted.title", "notice-title");
                Label text = new Label();
                text.setWrapText(true);
                text.textProperty().bind(vm.pinnedOrganisation() == null
                        ? messages.text("trust.untrusted.textNoOrg", peer.name(), peer.organisation())
                        : messages.text("trust.untrusted.text", vm.pinnedOrganisation(), peer.name(), peer.organisation()));
                Label advice = label("trust.untrusted.advice", "notice-title");
                advice.setWrapText(true);
                VBox body = new VBox(6, title, text, advice);
                if (peer.trustDetail() != null && !peer.trustDetail().isBlank()) {
                    Label detail = new Label();
                    detail.textProperty().bind(messages.text("trust.detail", peer.trustDetail()));
                    detail.getStyleClass().add("hint");
                    detail.setWrapText(true);
                    body.getChildren().add(detail);
                }
                HBox.setHgrow(body, Priority.ALWAYS);
                HBox card = new HBox(10, Icons.icon(Icons.WARNING, 28, "danger"), body);
                card.getStyleClass().addAll("notice", "danger");
                card.setId("untrustedWarning");
                return card;
            }
            case NO_PINNED_ROOT -> {
                HBox badge = badge("warning", Icons.WARNING, "trust.notVerified.badge");
                Label note = label("trust.notVerified.text", "hint");
                note.setWrapText(true);
                VBox card = new VBox(4, new HBox(8, name, badge), org, note, secure);
                ((HBox) card.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
                card.getStyleClass().addAll("tech-card", "not-verified");
                card.setId("technicianCard");
                return card;
            }
            default -> {
                HBox badge = badge("success", Icons.VERIFIED, "trust.verified.badge");
                badge.setId("verifiedBadge");
                HBox nameRow = new HBox(8, name, badge);
                nameRow.setAlignment(Pos.CENTER_LEFT);
                Label caption = label("gethelp.technician.caption", "hint");
                VBox card = new VBox(4, caption, nameRow, org, secure);
                card.getStyleClass().add("tech-card");
                card.setId("technicianCard");
                return card;
            }
        }
    }

    private Node endedPage() {
        Label heading = label("gethelp.ended.title", "step-title");
        Label reason = new Label();
        reason.setId("endReason");
        reason.getStyleClass().add("step-text");
        reason.setWrapText(true);
        reason.textProperty().bind(Bindings.createStringBinding(() -> {
            SessionEnd end = vm.endProperty().get();
            return end == null ? "" : messages.get("end.customer." + end.reason().name());
        }, vm.endProperty(), messages.localeProperty()));
        Button again = new Button();
        again.setId("getHelpAgain");
        again.textProperty().bind(messages.text("gethelp.again"));
        again.getStyleClass().addAll(Styles.ACCENT, "big-button");
        again.setOnAction(e -> vm.getHelpAgain());
        VBox page = step(Icons.icon(Icons.INFO, 48), heading, reason, gap(8), again);
        page.setId("endedPage");
        return page;
    }

    private HBox badge(String kind, String icon, String key) {
        HBox badge = new HBox(Icons.icon(icon, 12, kind), label(key, null));
        badge.getStyleClass().addAll("badge", kind);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private Node notice(String kind, String icon, String titleKey, ObservableValue<String> text, String id) {
        Label title = label(titleKey, "notice-title");
        Label body = new Label();
        body.setWrapText(true);
        body.textProperty().bind(text);
        VBox texts = new VBox(2, title, body);
        HBox.setHgrow(texts, Priority.ALWAYS);
        HBox box = new HBox(Icons.icon(icon, 18, kind.equals("info") ? "accent" : kind), texts);
        box.getStyleClass().addAll("notice", kind);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private VBox step(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add("step");
        for (Node n : children) {
            if (n instanceof Label l) {
                l.setWrapText(true);
            }
        }
        return box;
    }

    private static Region gap(double height) {
        Region r = new Region();
        r.setMinHeight(height);
        r.setPrefHeight(height);
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
