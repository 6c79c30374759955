package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;

/**
 * Issue 6, under a session's grants: "Hand over ▾" (Transfer to… / Invite to watch… with the
 * signed-in technicians), the last handover status, and a chip per watcher with ✕ to end the watch.
 */
final class HandoverBar extends FlowPane {
    private final HandoverViewModel handover;
    private final Messages messages;
    private final MenuButton menu = new MenuButton();
    private final Label status = new Label();
    /** Issue 6: a note for the other technician's offer card, sent with the next transfer or invitation. */
    private final javafx.scene.control.TextField note = new javafx.scene.control.TextField();

    HandoverBar(ConsoleSessionViewModel vm, Messages messages) {
        super(8, 6);
        this.handover = vm.handover();
        this.messages = messages;
        setId("handoverBar");
        setAlignment(Pos.CENTER_RIGHT);
        setPadding(new javafx.geometry.Insets(6, 12, 6, 12));
        setPrefWrapLength(640); // note and menu on one line next to the grants in a normal window
        menu.setId("handOver");
        menu.textProperty().bind(messages.text("console.handover.menu"));
        menu.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        menu.disableProperty().bind(handover.availableProperty().not().or(handover.pendingProperty()));
        note.setId("handoverNote");
        note.promptTextProperty().bind(messages.text("console.handover.notePrompt"));
        note.setPrefColumnCount(19);
        note.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().length() <= dev.lifeline.client.handover.HandoverNote.MAX_NOTE ? change : null));
        note.textProperty().bindBidirectional(handover.noteProperty());
        note.disableProperty().bind(menu.disableProperty());
        status.setId("handoverStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(handover.statusProperty());
        visibleProperty().bind(handover.availableProperty().or(handover.statusProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
        ListChangeListener<String> rebuild = c -> rebuild();
        handover.candidates().addListener(rebuild);
        handover.watchers().addListener(rebuild);
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Menu transfer = new Menu(messages.get("console.handover.transfer"));
        transfer.setId("transferTo");
        Menu watch = new Menu(messages.get("console.handover.watch"));
        watch.setId("inviteToWatch");
        for (String name : handover.candidates()) {
            MenuItem to = new MenuItem(name);
            to.setOnAction(e -> handover.transfer(name));
            transfer.getItems().add(to);
            MenuItem invite = new MenuItem(name);
            invite.setOnAction(e -> handover.invite(name));
            watch.getItems().add(invite);
        }
        if (handover.candidates().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("console.handover.nobody"));
            none.setDisable(true);
            transfer.getItems().add(none);
            MenuItem none2 = new MenuItem(messages.get("console.handover.nobody"));
            none2.setDisable(true);
            watch.getItems().add(none2);
        }
        menu.getItems().setAll(transfer, watch);
        getChildren().setAll(note, menu);
        for (String name : handover.watchers()) {
            Label who = new Label(messages.get("console.handover.watching", name));
            Button end = new Button("✕");
            end.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            end.accessibleTextProperty().set(messages.get("console.handover.endWatch", name));
            end.setOnAction(e -> handover.endWatch(name));
            javafx.scene.layout.HBox chip = new javafx.scene.layout.HBox(4, who, end);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().addAll("badge", "muted");
            getChildren().add(chip);
        }
        getChildren().add(status);
    }
}
