package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.consent.Capability;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Alice Meyer (ACME Support) asks for: control mouse and keyboard, clipboard" with the technician's
 * reason and Allow / Don't allow: the consent question for every capability but the screen (which
 * keeps its own card with its own advice), over the Get Help window like that one.
 */
final class CapabilityConsentCard extends OverlayCard {
    private final GetHelpViewModel vm;
    private final Messages messages;

    CapabilityConsentCard(GetHelpViewModel vm, Messages messages) {
        super("capabilityConsent", vm.consent().promptProperty().isNotNull()
                .and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        this.vm = vm;
        this.messages = messages;
        ConsentViewModel consent = vm.consent();
        consent.promptProperty().addListener((obs, o, n) -> rebuild());
        vm.technicianProperty().addListener((obs, o, n) -> rebuild());
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        PeerInfo peer = vm.technicianProperty().get();
        ConsentPrompt prompt = vm.consent().promptProperty().get();
        show(peer == null || prompt == null ? null : card(peer, prompt));
    }

    private Node card(PeerInfo peer, ConsentPrompt prompt) {
        HBox heading = heading(Icons.WARNING, text(messages.get("gethelp.consent.title"), null));
        Label text = text(messages.get("gethelp.consent.text", peer.name(), peer.organisation()), null);
        text.setId("capabilityConsentText");
        VBox list = new VBox(4);
        list.setId("capabilityConsentList");
        for (Capability capability : Capability.values()) {
            if (prompt.capabilities().contains(capability)) {
                list.getChildren().add(text("• " + messages.get("consent.capability." + capability.name()), null));
            }
        }
        VBox card = card(12, 380, heading, text, list);
        if (!prompt.reason().isBlank()) {
            Label reason = text(messages.get("gethelp.consent.reason", prompt.reason()), "hint");
            reason.setId("capabilityConsentReason");
            card.getChildren().add(reason);
        }
        card.getChildren().add(text(messages.get("gethelp.consent.tip"), "hint"));

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
        card.getChildren().add(answers(deny, allow));
        return card;
    }
}
