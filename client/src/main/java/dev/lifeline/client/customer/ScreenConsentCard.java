package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Alice Meyer (ACME Support) wants to see your screen": the consent question as a card over the
 * Get Help window, not a separate dialog that could open behind other windows. Says how far the
 * technician is verified, with the same styling as the technician card.
 */
final class ScreenConsentCard extends OverlayCard {
    private final ScreenSharingViewModel screen;
    private final Messages messages;
    private final GetHelpViewModel vm;

    ScreenConsentCard(GetHelpViewModel vm, Messages messages) {
        super("screenConsent", vm.screen().askingProperty().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        this.vm = vm;
        this.screen = vm.screen();
        this.messages = messages;

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
        show(peer == null ? null : card(peer));
    }

    private Node card(PeerInfo peer) {
        Label title = new Label();
        title.textProperty().bind(messages.text("gethelp.screen.ask.title"));
        HBox heading = heading(Icons.SCREEN, title);

        Label text = bound("gethelp.screen.ask.text", null, peer.name(), peer.organisation());
        text.setId("screenConsentText");
        Label tip = bound("gethelp.screen.ask.tip", "hint");

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
        return card(12, 380, heading, trust(peer), text, tip, answers(deny, allow));
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

    private Label bound(String key, String styleClass, Object... args) {
        Label l = wrapped(new Label(), styleClass);
        l.textProperty().bind(messages.text(key, args));
        return l;
    }
}
