package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Alice Meyer (ACME Support) wants to see your screen": the consent question as a card over the
 * Get Help window, not a separate dialog that could open behind other windows. Says how far the
 * technician is verified, with the same styling as the technician card.
 */
final class ScreenConsentCard extends StackPane {
    private final ScreenSharingViewModel screen;
    private final Messages messages;
    private final GetHelpViewModel vm;

    ScreenConsentCard(GetHelpViewModel vm, Messages messages) {
        this.vm = vm;
        this.screen = vm.screen();
        this.messages = messages;
        getStyleClass().add("screen-consent-scrim");
        setId("screenConsent");
        visibleProperty().bind(screen.askingProperty().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());

        rebuild();
        vm.technicianProperty().addListener((obs, o, n) -> rebuild());
        // Asked while the customer looks at another window: bring ours forward.
        screen.askingProperty().addListener((obs, was, now) -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (now && w instanceof Stage stage) {
                stage.setIconified(false);
                stage.toFront();
            }
        });
    }

    private void rebuild() {
        PeerInfo peer = vm.technicianProperty().get();
        getChildren().setAll(peer == null ? new Region() : card(peer));
    }

    private Node card(PeerInfo peer) {
        Label title = new Label();
        title.textProperty().bind(messages.text("gethelp.screen.ask.title"));
        title.getStyleClass().add("consent-title");
        title.setWrapText(true);
        HBox heading = new HBox(10, Icons.icon(Icons.SCREEN, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);

        Label text = new Label();
        text.setId("screenConsentText");
        text.setWrapText(true);
        text.textProperty().bind(messages.text("gethelp.screen.ask.text", peer.name(), peer.organisation()));
        text.setMinHeight(Region.USE_PREF_SIZE);
        Label tip = new Label();
        tip.textProperty().bind(messages.text("gethelp.screen.ask.tip"));
        tip.getStyleClass().add("hint");
        tip.setWrapText(true);
        tip.setMinHeight(Region.USE_PREF_SIZE);

        Button allow = new Button();
        allow.setId("allowScreen");
        allow.textProperty().bind(messages.text("gethelp.screen.allow"));
        allow.setOnAction(e -> screen.allow());
        Button deny = new Button();
        deny.setId("denyScreen");
        deny.textProperty().bind(messages.text("gethelp.screen.deny"));
        deny.setOnAction(e -> screen.deny());
        deny.setCancelButton(true);
        if (peer.trust() == PeerInfo.Trust.UNTRUSTED) {
            // Steer away from "Allow" when the technician failed verification.
            allow.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
            deny.getStyleClass().add(Styles.ACCENT);
        } else {
            allow.getStyleClass().add(Styles.ACCENT);
            deny.getStyleClass().add(Styles.BUTTON_OUTLINED);
        }
        for (Button b : new Button[] {deny, allow}) {
            // Equal halves: neither answer looks like the default by its size.
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        HBox buttons = new HBox(10, deny, allow);

        VBox card = new VBox(12, heading, trust(peer), text, tip, buttons);
        card.getStyleClass().add("screen-consent");
        card.setMaxWidth(380);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    /** Verified badge, amber "not verified" with why, or the red warning. */
    private Node trust(PeerInfo peer) {
        return switch (peer.trust()) {
            case UNTRUSTED -> {
                Label title = bound("trust.untrusted.title", "notice-title");
                Label advice = bound("trust.untrusted.advice", null);
                VBox texts = new VBox(2, title, advice);
                HBox.setHgrow(texts, Priority.ALWAYS);
                HBox box = new HBox(Icons.icon(Icons.WARNING, 20, "danger"), texts);
                box.getStyleClass().addAll("notice", "danger");
                box.setId("screenConsentUntrusted");
                yield box;
            }
            case NO_PINNED_ROOT -> {
                HBox badge = badge("warning", Icons.WARNING, "trust.notVerified.badge");
                badge.setId("screenConsentNotVerified");
                Label why = bound("trust.notVerified.text", "hint");
                yield new VBox(4, badge, why);
            }
            default -> {
                HBox badge = badge("success", Icons.VERIFIED, "trust.verified.badge");
                badge.setId("screenConsentVerified");
                yield badge;
            }
        };
    }

    private HBox badge(String kind, String icon, String key) {
        HBox badge = new HBox(Icons.icon(icon, 12, kind), bound(key, null));
        badge.getStyleClass().addAll("badge", kind);
        badge.setMaxWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private Label bound(String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }
}
