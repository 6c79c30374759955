package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.consent.Capability;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Alice Meyer (ACME Support) asks for: control mouse and keyboard, clipboard" with the technician's
 * reason and Allow / Don't allow: the consent question for every capability but the screen (which
 * keeps its own card with its own advice), over the Get Help window like that one.
 */
final class CapabilityConsentCard extends StackPane {
    private final GetHelpViewModel vm;
    private final Messages messages;

    CapabilityConsentCard(GetHelpViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("screen-consent-scrim");
        setId("capabilityConsent");
        ConsentViewModel consent = vm.consent();
        visibleProperty().bind(consent.promptProperty().isNotNull().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());
        consent.promptProperty().addListener((obs, o, n) -> rebuild());
        vm.technicianProperty().addListener((obs, o, n) -> rebuild());
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        PeerInfo peer = vm.technicianProperty().get();
        ConsentPrompt prompt = vm.consent().promptProperty().get();
        getChildren().setAll(peer == null || prompt == null ? new Region() : card(peer, prompt));
    }

    private Node card(PeerInfo peer, ConsentPrompt prompt) {
        Label title = label(messages.get("gethelp.consent.title"), "consent-title");
        HBox heading = new HBox(10, Icons.icon(Icons.WARNING, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label text = label(messages.get("gethelp.consent.text", peer.name(), peer.organisation()), null);
        text.setId("capabilityConsentText");
        VBox list = new VBox(4);
        list.setId("capabilityConsentList");
        for (Capability capability : Capability.values()) {
            if (prompt.capabilities().contains(capability)) {
                list.getChildren().add(label("• " + messages.get("consent.capability." + capability.name()), null));
            }
        }
        VBox card = new VBox(12, heading, text, list);
        if (!prompt.reason().isBlank()) {
            Label reason = label(messages.get("gethelp.consent.reason", prompt.reason()), "hint");
            reason.setId("capabilityConsentReason");
            card.getChildren().add(reason);
        }
        card.getChildren().add(label(messages.get("gethelp.consent.tip"), "hint"));

        Button allow = new Button(messages.get("gethelp.screen.allow"));
        allow.setId("allowCapabilities");
        allow.setOnAction(e -> vm.consent().allow());
        Button deny = new Button(messages.get("gethelp.screen.deny"));
        deny.setId("denyCapabilities");
        deny.setOnAction(e -> vm.consent().deny());
        deny.setCancelButton(true);
        if (peer.trust() == PeerInfo.Trust.VERIFIED) {
            allow.getStyleClass().add(Styles.ACCENT);
            deny.getStyleClass().add(Styles.BUTTON_OUTLINED);
        } else {
            // Steer away from "Allow" when the technician is not verified.
            allow.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
            deny.getStyleClass().add(Styles.ACCENT);
        }
        for (Button b : new Button[] {deny, allow}) {
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        card.getChildren().add(new HBox(10, deny, allow));
        card.getStyleClass().add("screen-consent");
        card.setMaxWidth(380);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }
}
