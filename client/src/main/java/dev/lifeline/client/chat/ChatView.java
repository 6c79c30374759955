package dev.lifeline.client.chat;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.ChatLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Chat bubbles (mine right in the accent colour, theirs left), input field and Send. */
public final class ChatView extends VBox {
    private final ChatViewModel vm;
    private final Messages messages;
    private final ZoneId zone;
    private final VBox lineBox = new VBox();
    private final ScrollPane scroll = new ScrollPane();
    private final TextField input = new TextField();

    public ChatView(ChatViewModel vm, Messages messages) {
        this(vm, messages, ZoneId.systemDefault());
    }

    public ChatView(ChatViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.zone = zone;
        getStyleClass().add("chat");

        lineBox.getStyleClass().add("chat-lines");
        lineBox.setFillWidth(true);
        Label empty = new Label();
        empty.getStyleClass().add("chat-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(messages.text("chat.empty"));
        empty.visibleProperty().bind(Bindings.isEmpty(vm.lines()));
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane content = new StackPane(lineBox, empty);
        StackPane.setAlignment(empty, Pos.CENTER);
        content.minHeightProperty().bind(scroll.heightProperty().subtract(2));

        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("chat-scroll", "edge-to-edge");
        scroll.setId("chatScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        input.setId("chatInput");
        input.promptTextProperty().bind(Bindings.when(vm.canSendProperty())
                .then(messages.text("chat.prompt")).otherwise(messages.text("chat.notYet")));
        input.textProperty().bindBidirectional(vm.draftProperty());
        input.disableProperty().bind(vm.canSendProperty().not());
        input.setOnAction(e -> vm.send());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button send = new Button();
        send.setId("chatSend");
        send.textProperty().bind(messages.text("chat.send"));
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.canSendProperty().not()
                .or(Bindings.createBooleanBinding(() -> vm.draftProperty().get() == null
                        || vm.draftProperty().get().isBlank(), vm.draftProperty())));
        send.setOnAction(e -> {
            vm.send();
            input.requestFocus();
        });
        send.setMinWidth(Button.USE_PREF_SIZE);
        HBox inputRow = new HBox(input, send);
        inputRow.getStyleClass().add("chat-input");

        getChildren().addAll(scroll, inputRow);

        vm.lines().forEach(l -> lineBox.getChildren().add(bubble(l)));
        vm.lines().addListener((ListChangeListener<ChatLine>) change -> {
            lineBox.getChildren().clear();
            vm.lines().forEach(l -> lineBox.getChildren().add(bubble(l)));
            Platform.runLater(() -> scroll.setVvalue(1.0));
        });
        messages.localeProperty().addListener((obs, o, n) -> {
            lineBox.getChildren().clear();
            vm.lines().forEach(l -> lineBox.getChildren().add(bubble(l)));
        });
    }

    public TextField input() {
        return input;
    }

    private HBox bubble(ChatLine line) {
        Label text = new Label(line.text());
        text.setWrapText(true);
        text.getStyleClass().add("bubble-text");
        Label time = new Label(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(messages.locale()).format(line.sentAt().atZone(zone)));
        time.getStyleClass().add("bubble-time");
        time.setMaxWidth(Double.MAX_VALUE);
        time.setAlignment(line.mine() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        VBox bubble = new VBox(text, time);
        bubble.getStyleClass().addAll("bubble", line.mine() ? "mine" : "theirs");
        bubble.maxWidthProperty().bind(scroll.widthProperty().multiply(0.75));
        bubble.setMinHeight(VBox.USE_PREF_SIZE);
        HBox row = new HBox(bubble);
        row.setAlignment(line.mine() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        row.getStyleClass().add(line.mine() ? "chat-row-mine" : "chat-row-theirs");
        return row;
    }
}
