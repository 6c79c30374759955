package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Check before sending": the results of the checks the technician asked for, each with a tick
 * to send it and its details to read; Send or Don't send. Over the Get Help window like the
 * consent cards.
 */
final class DiagnosticsReviewCard extends OverlayCard {
    private final GetHelpViewModel vm;
    private final Messages messages;

    DiagnosticsReviewCard(GetHelpViewModel vm, Messages messages) {
        super("diagnosticsReview", vm.diagnostics().reviewProperty().isNotNull()
                .and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        this.vm = vm;
        this.messages = messages;
        DiagnosticsReviewViewModel d = vm.diagnostics();
        d.reviewProperty().addListener((o, a, b) -> rebuild());
        messages.localeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        DiagnosticsReviewViewModel d = vm.diagnostics();
        show(d.reviewProperty().get() == null ? null : card(d));
    }

    private Node card(DiagnosticsReviewViewModel d) {
        HBox heading = heading(Icons.INFO, text(messages.get("gethelp.diagnostics.title"), null));
        VBox list = new VBox(6);
        list.setId("diagnosticsReviewList");
        for (DiagnosticsReviewViewModel.Item item : d.items()) {
            CheckBox send = new CheckBox(item.title() + " — " + messages.get("console.diagnostics.status." + item.status().name()));
            send.setId("send-" + ProbeCatalogue.name(item.probe()));
            send.selectedProperty().bindBidirectional(item.sendProperty());
            send.getStyleClass().add(Styles.TEXT_BOLD);
            VBox details = new VBox(2);
            details.getChildren().add(text(item.reads(), "hint"));
            item.lines().stream().limit(12).forEach(l -> details.getChildren().add(text(l, "diagnostics-line")));
            TitledPane more = new TitledPane(item.summary(), details);
            more.setExpanded(false);
            more.setMaxWidth(Double.MAX_VALUE);
            list.getChildren().add(new VBox(2, send, more));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox card = card(12, 460, heading, text(messages.get("gethelp.diagnostics.text"), null), scroll);
        Button discard = new Button(messages.get("gethelp.diagnostics.discard"));
        discard.setId("discardDiagnostics");
        discard.getStyleClass().add(Styles.BUTTON_OUTLINED);
        discard.setOnAction(e -> d.discard());
        Button send = new Button(messages.get("gethelp.diagnostics.send"));
        send.setId("sendDiagnostics");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> d.send());
        card.getChildren().add(answers(discard, send));
        return card;
    }
}
