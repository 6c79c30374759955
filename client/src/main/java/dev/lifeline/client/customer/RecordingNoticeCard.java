package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.recording.RecordingNoticeInfo;
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
 * "ACME Support records this session": shown before the code when the organisation records
 * sessions, over the Get Help window like the screen consent card. The code appears only after
 * "Continue"; "Do not record" ends the request.
 */
final class RecordingNoticeCard extends StackPane {
    private final Messages messages;
    private final GetHelpViewModel vm;

    RecordingNoticeCard(GetHelpViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("screen-consent-scrim");
        setId("recordingNotice");
        visibleProperty().bind(vm.recordingNoticeProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.recordingNoticeProperty().addListener((obs, o, n) -> getChildren().setAll(n == null ? new Region() : card(n)));
    }

    private Node card(RecordingNoticeInfo notice) {
        Label title = new Label();
        title.textProperty().bind(messages.text("gethelp.recording.title", notice.organisation()));
        title.getStyleClass().add("consent-title");
        title.setWrapText(true);
        HBox heading = new HBox(10, Icons.icon(Icons.INFO, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);

        Label text = new Label();
        text.setId("recordingNoticeText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(messages.text("gethelp.recording.text", notice.organisation(),
                String.valueOf(notice.retentionDays())));
        VBox body = new VBox(8, heading, text);
        if (!notice.keyVerified()) {
            Label warning = new Label();
            warning.setWrapText(true);
            warning.setMinHeight(Region.USE_PREF_SIZE);
            warning.textProperty().bind(messages.text("gethelp.recording.unverified"));
            HBox box = new HBox(Icons.icon(Icons.WARNING, 18, "warning"), warning);
            box.getStyleClass().addAll("notice", "warning");
            body.getChildren().add(box);
        }

        Button accept = new Button();
        accept.setId("acceptRecording");
        accept.textProperty().bind(messages.text("gethelp.recording.accept"));
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setOnAction(e -> vm.acceptRecording());
        Button decline = new Button();
        decline.setId("declineRecording");
        decline.textProperty().bind(messages.text("gethelp.recording.decline"));
        decline.getStyleClass().add(Styles.BUTTON_OUTLINED);
        decline.setOnAction(e -> vm.declineRecording());
        decline.setCancelButton(true);
        for (Button b : new Button[] {decline, accept}) {
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        body.getChildren().add(new HBox(10, decline, accept));
        body.getStyleClass().add("screen-consent");
        body.setMaxWidth(380);
        body.setMaxHeight(Region.USE_PREF_SIZE);
        return body;
    }
}
