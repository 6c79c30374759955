package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Check before sending": the results of the checks the technician asked for, each with a tick
 * to send it and its details to read; Send or Don't send. Over the Get Help window like the
 * consent cards.
 */
final class DiagnosticsReviewCard extends StackPane {
    private final GetHelpViewModel vm;
    private final Messages messages;

    DiagnosticsReviewCard(GetHelpViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("screen-consent-scrim");
        setId("diagnosticsReview");
        DiagnosticsReviewViewModel d = vm.diagnostics();
        visibleProperty().bind(d.reviewProperty().isNotNull().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());
        d.reviewProperty().addListener((o, a, b) -> rebuild());
        messages.localeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        DiagnosticsReviewViewModel d = vm.diagnostics();
        getChildren().setAll(d.reviewProperty().get() == null ? new Region() : card(d));
    }

    private Node card(DiagnosticsReviewViewModel d) {
        Label title = label(messages.get("gethelp.diagnostics.title"), "consent-title");
        HBox heading = new HBox(10, Icons.icon(Icons.INFO, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox list = new VBox(6);
        list.setId("diagnosticsReviewList");
        for (DiagnosticsReviewViewModel.Item item : d.items()) {
            CheckBox send = new CheckBox(item.title() + " — " + messages.get("console.diagnostics.status." + item.status().name()));
            send.setId("send-" + ProbeCatalogue.name(item.probe()));
            send.selectedProperty().bindBidirectional(item.sendProperty());
            send.getStyleClass().add(Styles.TEXT_BOLD);
            VBox details = new VBox(2);
            details.getChildren().add(label(item.reads(), "hint"));
            item.lines().stream().limit(12).forEach(l -> details.getChildren().add(label(l, "diagnostics-line")));
            TitledPane more = new TitledPane(item.summary(), details);
            more.setExpanded(false);
            more.setMaxWidth(Double.MAX_VALUE);
            list.getChildren().add(new VBox(2, send, more));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox card = new VBox(12, heading, label(messages.get("gethelp.diagnostics.text"), null), scroll);
        Button discard = new Button(messages.get("gethelp.diagnostics.discard"));
        discard.setId("discardDiagnostics");
        discard.getStyleClass().add(Styles.BUTTON_OUTLINED);
        discard.setOnAction(e -> d.discard());
        Button send = new Button(messages.get("gethelp.diagnostics.send"));
        send.setId("sendDiagnostics");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> d.send());
        for (Button b : new Button[] {discard, send}) {
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        card.getChildren().add(new HBox(10, discard, send));
        card.getStyleClass().add("screen-consent");
        card.setMaxWidth(460);
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
