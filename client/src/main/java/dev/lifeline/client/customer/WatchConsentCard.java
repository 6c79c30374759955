package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.handover.CustomerHandoverNotice;
import dev.lifeline.client.i18n.Messages;
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

/**
 * Issue 6: "Bob Stone wants to watch your screen with Alice Meyer" — view only, screen and chat —
 * with Allow / Don't allow, over the Get Help window like the other consent cards.
 */
final class WatchConsentCard extends StackPane {
    private final CustomerHandoverViewModel handover;
    private final Messages messages;

    WatchConsentCard(GetHelpViewModel vm, Messages messages) {
        this.handover = vm.handover();
        this.messages = messages;
        getStyleClass().add("screen-consent-scrim");
        setId("watchConsent");
        visibleProperty().bind(handover.watchRequestProperty().isNotNull().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());
        handover.watchRequestProperty().addListener((obs, o, n) -> rebuild());
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        CustomerHandoverNotice request = handover.watchRequestProperty().get();
        getChildren().setAll(request == null ? new Region() : card(request));
    }

    private Node card(CustomerHandoverNotice request) {
        Label title = label(messages.get("gethelp.watch.title"), "consent-title");
        HBox heading = new HBox(10, Icons.icon(Icons.SCREEN, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label text = label(messages.get("gethelp.watch.text", request.to(), request.from()), null);
        text.setId("watchConsentText");
        Label only = label(messages.get("gethelp.watch.only"), "hint");
        Button allow = new Button(messages.get("gethelp.screen.allow"));
        allow.setId("allowWatch");
        allow.getStyleClass().add(Styles.ACCENT);
        allow.setOnAction(e -> handover.allowWatch());
        Button deny = new Button(messages.get("gethelp.screen.deny"));
        deny.setId("denyWatch");
        deny.getStyleClass().add(Styles.BUTTON_OUTLINED);
        deny.setCancelButton(true);
        deny.setOnAction(e -> handover.denyWatch());
        for (Button b : new Button[] {deny, allow}) {
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        VBox card = new VBox(12, heading, text, only, new HBox(10, deny, allow));
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
