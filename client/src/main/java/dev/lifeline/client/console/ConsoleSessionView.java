package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.chat.ChatView;
import dev.lifeline.client.console.ConsoleSessionViewModel.Step;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.theme.Icons;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The content of one session tab: who, how secure, link state and End session on top; the
 * customer's screen takes most of the space, the chat is a side panel on the right.
 */
final class ConsoleSessionView extends BorderPane {

    ConsoleSessionView(ConsoleSessionViewModel vm, Messages messages, ZoneId zone) {
        getStyleClass().add("console-session");

        Label title = new Label();
        title.getStyleClass().add("session-title");
        title.setId("sessionTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            String name = vm.customerName().get();
            return name.isEmpty() ? messages.get("console.session.unnamed") : name;
        }, vm.customerName(), messages.localeProperty()));
        Label code = new Label();
        code.getStyleClass().add("identity-detail");
        code.textProperty().bind(vm.code() != null ? messages.text("console.session.code", vm.code().display())
                : vm.watchOnly() ? messages.text("console.session.invitedBy", vm.offer().fromTechnician())
                : vm.offer() != null ? messages.text("console.session.handedOver", vm.offer().fromTechnician())
                : messages.text("console.session.fromQueue"));
        VBox who = new VBox(2, title, code);

        ProgressIndicator joining = new ProgressIndicator();
        joining.setPrefSize(16, 16);
        Label joiningText = new Label();
        joiningText.textProperty().bind(messages.text("console.session.joining"));
        HBox joiningBox = new HBox(6, joining, joiningText);
        joiningBox.setAlignment(Pos.CENTER_LEFT);
        joiningBox.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.JOINING));
        joiningBox.managedProperty().bind(joiningBox.visibleProperty());

        Label secureText = new Label();
        secureText.textProperty().bind(messages.text("session.e2e"));
        HBox secure = new HBox(Icons.icon(Icons.LOCK, 12, "success"), secureText);
        secure.getStyleClass().addAll("badge", "success");
        secure.setId("e2eBadge");
        secure.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.SECURED));
        secure.managedProperty().bind(secure.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button end = new Button();
        end.setId("endSession");
        end.textProperty().bind(messages.text("session.end"));
        end.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        end.setOnAction(e -> endAsking(vm, messages));
        end.disableProperty().bind(vm.stepProperty().isEqualTo(Step.ENDED));
        end.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(who, joiningBox, secure, spacer, end);
        header.getStyleClass().add("session-header");

        Label linkText = new Label();
        linkText.textProperty().bind(Bindings.createStringBinding(() -> {
            LinkState s = vm.linkStateProperty().get();
            return s == LinkState.RECONNECTING ? messages.get("link.reconnecting")
                    : s == LinkState.PEER_AWAY ? messages.get("link.customerAway") : "";
        }, vm.linkStateProperty(), messages.localeProperty()));
        ProgressIndicator linkSpin = new ProgressIndicator();
        linkSpin.setPrefSize(16, 16);
        HBox link = new HBox(linkSpin, linkText);
        link.getStyleClass().add("link-banner");
        link.visibleProperty().bind(vm.linkStateProperty().isNotEqualTo(LinkState.CONNECTED)
                .and(vm.stepProperty().isNotEqualTo(Step.ENDED)));
        link.managedProperty().bind(link.visibleProperty());

        Label endedText = new Label();
        endedText.setId("endedReason");
        endedText.setWrapText(true);
        endedText.textProperty().bind(Bindings.createStringBinding(() -> {
            SessionEnd e = vm.endProperty().get();
            return e == null ? "" : messages.get("end.console." + e.reason().name());
        }, vm.endProperty(), messages.localeProperty()));
        // Issue 5: where the report went (the team's records, or this computer only, and the file).
        Label reportText = new Label();
        reportText.setId("reportSaved");
        reportText.setWrapText(true);
        reportText.textProperty().bind(Bindings.createStringBinding(() -> {
            dev.lifeline.client.report.ReportSaved r = vm.reportSavedProperty().get();
            return r == null ? "" : messages.get("report.saved." + r.where().name(),
                    r.document() == null ? "" : r.document().toString(), r.problem());
        }, vm.reportSavedProperty(), messages.localeProperty()));
        reportText.visibleProperty().bind(vm.reportSavedProperty().isNotNull());
        reportText.managedProperty().bind(reportText.visibleProperty());
        VBox endedTexts = new VBox(4, endedText, reportText);
        HBox ended = new HBox(Icons.icon(Icons.INFO, 18), endedTexts);
        ended.getStyleClass().add("ended-banner");
        ended.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.ENDED));
        ended.managedProperty().bind(ended.visibleProperty());

        // Grants and hand-over share one row so the customer's screen keeps the height.
        GrantsBar grants = new GrantsBar(vm, messages);
        HandoverBar handover = new HandoverBar(vm, messages);
        HBox.setHgrow(grants, Priority.ALWAYS);
        HBox permissionsRow = new HBox(grants, handover);
        permissionsRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(header, permissionsRow, link, ended);
        if (vm.picked() != null) {
            // Issue 6: contract, block hours and SLA of the customer picked from the queue stay in view.
            top.getChildren().add(1, new dev.lifeline.client.queue.PickedCustomerBar(vm.picked(), messages));
        }
        if (vm.watchOnly() || (vm.offer() != null && !(vm.offer().problem().isEmpty() && vm.offer().note().isEmpty()))) {
            top.getChildren().add(1, offerBar(vm, messages));
        }
        setTop(top);
        ChatView chat = new ChatView(vm.chat(), messages, zone);
        Tab chatTab = new Tab();
        chatTab.textProperty().bind(messages.text("console.tab.chat"));
        chatTab.setContent(chat);
        chatTab.setClosable(false);
        DiagnosticsPanel diagnostics = new DiagnosticsPanel(vm.diagnostics(), messages);
        Tab diagnosticsTab = new Tab();
        diagnosticsTab.setId("diagnosticsTab");
        diagnosticsTab.textProperty().bind(messages.text("console.tab.diagnostics"));
        diagnosticsTab.setContent(diagnostics);
        diagnosticsTab.setClosable(false);
        TabPane side = new TabPane(chatTab, diagnosticsTab);
        side.setId("sideTabs");
        VBox chatPanel = new VBox(side);
        if (vm.watchOnly()) {
            // A watcher looks and chats; no diagnostics, files or hand over (the customer's app refuses them anyway).
            side.getTabs().remove(diagnosticsTab);
            top.getChildren().remove(permissionsRow);
        } else {
            chatPanel.getChildren().add(new ConsoleFilesPanel(vm, messages));
        }
        VBox.setVgrow(side, Priority.ALWAYS);
        chatPanel.getStyleClass().addAll("session-body", "chat-panel");
        chatPanel.setMinWidth(240);
        chatPanel.setPrefWidth(380);
        RemoteScreenView screen = new RemoteScreenView(vm.screen(), vm.control(), messages);
        if (vm.watchOnly()) {
            hideControlBars(screen);
        }
        screen.setMinWidth(320);
        SplitPane split = new SplitPane(screen, chatPanel);
        split.getStyleClass().add("session-split");
        split.setDividerPositions(0.68);
        // A bigger window grows the screen, not the chat.
        SplitPane.setResizableWithParent(chatPanel, false);
        setCenter(split);
        ConsoleFilesPanel.acceptDrops(this, vm.transfers());
    }

    /** A watch tab has no remote control: its bar goes (the customer's app would refuse the input). */
    private static void hideControlBars(javafx.scene.Parent parent) {
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof RemoteControlBar) {
                n.visibleProperty().unbind(); // shown while viewing, for a controller; never for a watcher
                n.setVisible(false);
            } else if (n instanceof javafx.scene.Parent p) {
                hideControlBars(p);
            }
        }
    }

    /** Issue 6: who handed the session over (or invited to watch), the problem and their note. */
    private static javafx.scene.Node offerBar(ConsoleSessionViewModel vm, Messages messages) {
        var offer = vm.offer();
        Label what = new Label();
        what.setId("offerBar");
        what.setWrapText(true);
        what.textProperty().bind(Bindings.createStringBinding(() -> {
            // "Handed over by A" is under the title already; the bar adds the problem and A's note.
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (vm.watchOnly()) {
                parts.add(messages.get("console.session.watching", offer.fromTechnician(), offer.customerName()));
            }
            if (!offer.problem().isEmpty()) {
                parts.add(messages.get("offers.problem", offer.problem()));
            }
            if (!offer.note().isEmpty()) {
                parts.add(messages.get("offers.note", offer.fromTechnician(), offer.note()));
            }
            return String.join(" · ", parts);
        }, messages.localeProperty()));
        HBox bar = new HBox(8, Icons.icon(vm.watchOnly() ? Icons.SCREEN : Icons.INFO, 16), what);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("notice", vm.watchOnly() ? "accent" : "neutral");
        bar.setStyle("-fx-padding: 4 12 4 12;");
        return bar;
    }

    /**
     * End session: with a customer on the line, ask for the outcome first (Cancel keeps the
     * session); before the handshake there is nothing to report.
     */
    private void endAsking(ConsoleSessionViewModel vm, Messages messages) {
        if (vm.step() != Step.SECURED) {
            vm.endSession();
            return;
        }
        OutcomeDialog dialog = new OutcomeDialog(vm.prepareOutcome(), messages, getScene() == null ? null : getScene().getWindow());
        dialog.ask().ifPresent(vm::endWith);
    }
}
