package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.theme.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "ACME Support records this session": shown before the code when the organisation records
 * sessions, over the Get Help window like the screen consent card. The code appears only after
 * "Continue"; "Do not record" ends the request.
 */
final class RecordingNoticeCard extends OverlayCard {
    private final Messages messages;
    private final GetHelpViewModel vm;

    RecordingNoticeCard(GetHelpViewModel vm, Messages messages) {
        super("recordingNotice", vm.recordingNoticeProperty().isNotNull());
        this.vm = vm;
        this.messages = messages;
        vm.recordingNoticeProperty().addListener((obs, o, n) -> show(n == null ? null : card(n)));
    }

    private Node card(RecordingNoticeInfo notice) {
        Label title = new Label();
        title.textProperty().bind(messages.text("gethelp.recording.title", notice.organisation()));
        HBox heading = heading(Icons.INFO, title);

        Label text = wrapped(new Label(), null);
        text.setId("recordingNoticeText");
        text.textProperty().bind(messages.text("gethelp.recording.text", notice.organisation(),
                String.valueOf(notice.retentionDays())));
        VBox body = card(8, 380, heading, text);
        if (!notice.keyVerified()) {
            Label warning = wrapped(new Label(), null);
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
        body.getChildren().add(answers(decline, accept));
        return body;
    }
}
