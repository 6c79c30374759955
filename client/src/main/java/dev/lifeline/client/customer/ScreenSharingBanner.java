package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the title bar while the technician can see the screen: "Alice Meyer can see your screen —
 * Pause · Stop" (or "paused — Resume · Stop"), always visible so the customer never forgets. After
 * sharing ends or cannot start, a short notice that can be closed.
 */
final class ScreenSharingBanner extends VBox {
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    ScreenSharingBanner(GetHelpViewModel vm, Messages messages) {
        ScreenSharingViewModel screen = vm.screen();

        Label text = new Label();
        text.setId("screenBannerText");
        text.setWrapText(true);
        text.getStyleClass().add("screen-banner-text");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            if (screen.status() == Status.PAUSED) {
                return messages.get("gethelp.screen.paused");
            }
            PeerInfo t = vm.technicianProperty().get();
            return messages.get("gethelp.screen.sharing", t == null ? "" : t.name());
        }, screen.statusProperty(), vm.technicianProperty(), messages.localeProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button pause = button("pauseScreen", "gethelp.screen.pause", messages);
        pause.setOnAction(e -> screen.pause());
        pause.visibleProperty().bind(screen.statusProperty().isEqualTo(Status.SHARING));
        pause.managedProperty().bind(pause.visibleProperty());
        Button resume = button("resumeScreen", "gethelp.screen.resume", messages);
        resume.setOnAction(e -> screen.resume());
        resume.visibleProperty().bind(screen.statusProperty().isEqualTo(Status.PAUSED));
        resume.managedProperty().bind(resume.visibleProperty());
        Button stop = button("stopScreen", "gethelp.screen.stop", messages);
        stop.setOnAction(e -> screen.stop());

        HBox banner = new HBox(10, Icons.icon(Icons.SCREEN, 20, "on-accent"), text, pause, resume, stop);
        banner.getStyleClass().add("screen-banner");
        banner.setId("screenBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        screen.statusProperty().addListener((obs, o, s) -> banner.pseudoClassStateChanged(PAUSED, s == Status.PAUSED));
        banner.visibleProperty().bind(screen.shared());
        banner.managedProperty().bind(banner.visibleProperty());

        Label noticeText = new Label();
        noticeText.setId("screenNoticeText");
        noticeText.setWrapText(true);
        noticeText.textProperty().bind(Bindings.createStringBinding(() -> switch (screen.status()) {
            case DENIED -> messages.get("gethelp.screen.denied");
            case UNAVAILABLE -> screen.detailProperty().get().isEmpty()
                    ? messages.get("gethelp.screen.unavailableNoDetail")
                    : messages.get("gethelp.screen.unavailable", screen.detailProperty().get());
            case STOPPED -> messages.get("gethelp.screen.stopped");
            default -> "";
        }, screen.statusProperty(), screen.detailProperty(), messages.localeProperty()));
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        noticeText.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button();
        dismiss.setId("dismissScreenNotice");
        dismiss.setGraphic(Icons.icon(Icons.CLOSE, 12));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.accessibleTextProperty().bind(messages.text("gethelp.screen.dismiss"));
        dismiss.setOnAction(e -> screen.dismissNotice());
        HBox notice = new HBox(8, Icons.icon(Icons.SCREEN, 16), noticeText, dismiss);
        notice.getStyleClass().add("screen-notice");
        notice.setId("screenNotice");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.visibleProperty().bind(screen.noticeShown().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        notice.managedProperty().bind(notice.visibleProperty());

        getChildren().addAll(banner, notice);
    }

    private static Button button(String id, String key, Messages messages) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.getStyleClass().addAll(Styles.SMALL, "screen-banner-button");
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
