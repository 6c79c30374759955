package dev.lifeline.client.player;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.console.RemoteScreenView;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The recording player: the customer's screen as the technician saw it (the live session's
 * screen view), the chat and consent events so far beside it, and one timeline below with a
 * marker per event; play / pause, 1× 2× 4× 8×, drag to seek, next event. A progress bar covers
 * the window while the recording loads.
 */
public final class PlayerView extends StackPane {
    private final PlayerViewModel vm;
    private final Messages messages;
    private final AnimationTimer timer;

    public PlayerView(PlayerViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("player");
        BorderPane main = new BorderPane();
        main.setTop(header());
        SplitPane split = new SplitPane(RemoteScreenView.forPlayback(vm.screen(), messages), eventList());
        split.setDividerPositions(0.72);
        main.setCenter(split);
        main.setBottom(controls());
        getChildren().addAll(main, loadingCover());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.tick(now);
            }
        };
        timer.start();
    }

    /** Stops the animation timer (when the window closes). */
    public void stop() {
        timer.stop();
    }

    private Node header() {
        Label title = new Label();
        title.setId("playerTitle");
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        Label verification = new Label();
        verification.setId("playerVerification");
        verification.setWrapText(true);
        verification.textProperty().bind(vm.verificationProperty());
        Node okIcon = Icons.icon(Icons.VERIFIED, 16, "success");
        Node badIcon = Icons.icon(Icons.WARNING, 16, "danger");
        okIcon.visibleProperty().bind(vm.intactProperty());
        okIcon.managedProperty().bind(okIcon.visibleProperty());
        badIcon.visibleProperty().bind(vm.intactProperty().not().and(vm.verificationProperty().isNotEmpty()));
        badIcon.managedProperty().bind(badIcon.visibleProperty());
        HBox status = new HBox(6, okIcon, badIcon, verification);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("notice");
        Label error = new Label();
        error.setId("playerError");
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(4, title, status, error);
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    private Node eventList() {
        ListView<TimelineEvent> list = new ListView<>(vm.shownEvents());
        list.setId("playerEvents");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEvent event, boolean empty) {
                super.updateItem(event, empty);
                setText(empty || event == null ? null : event.line());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        vm.shownEvents().addListener((ListChangeListener<TimelineEvent>) c -> {
            if (!vm.shownEvents().isEmpty()) {
                list.scrollTo(vm.shownEvents().size() - 1);
            }
        });
        list.setMinWidth(220);
        return list;
    }

    private Node controls() {
        Button play = new Button();
        play.setId("playPause");
        play.textProperty().bind(Bindings.when(vm.playingProperty())
                .then(messages.text("player.pause")).otherwise(messages.text("player.play")));
        play.getStyleClass().add(Styles.ACCENT);
        play.setOnAction(e -> vm.togglePlay());
        play.setMinWidth(Region.USE_PREF_SIZE);
        Button next = new Button();
        next.setId("nextEvent");
        next.textProperty().bind(messages.text("player.nextEvent"));
        next.setOnAction(e -> vm.nextEvent());
        next.setMinWidth(Region.USE_PREF_SIZE);

        HBox speeds = new HBox();
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < PlayerViewModel.SPEEDS.size(); i++) {
            int times = PlayerViewModel.SPEEDS.get(i);
            ToggleButton b = new ToggleButton(times + "×");
            b.setId("speed" + times);
            b.setToggleGroup(group);
            b.setSelected(times == vm.speedProperty().get());
            b.getStyleClass().addAll(Styles.SMALL, i == 0 ? Styles.LEFT_PILL
                    : i == PlayerViewModel.SPEEDS.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setOnAction(e -> {
                vm.setSpeed(times);
                b.setSelected(true);
            });
            speeds.getChildren().add(b);
        }

        Slider slider = new Slider(0, 1, 0);
        slider.setId("timeline");
        slider.maxProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(1, vm.durationProperty().get()),
                vm.durationProperty()));
        boolean[] fromModel = {false};
        vm.positionProperty().addListener((obs, o, n) -> {
            if (!slider.isValueChanging()) {
                fromModel[0] = true;
                slider.setValue(n.doubleValue());
                fromModel[0] = false;
            }
        });
        // Dragging seeks continuously; the model decodes only the newest position.
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!fromModel[0]) {
                vm.seek(n.longValue());
            }
        });
        Pane markers = markers(slider);
        VBox timeline = new VBox(0, markers, slider);
        HBox.setHgrow(timeline, Priority.ALWAYS);

        Label time = new Label();
        time.setId("playerTime");
        time.textProperty().bind(Bindings.createStringBinding(
                () -> TimelineEvent.clock(vm.positionProperty().get()) + " / " + TimelineEvent.clock(vm.durationProperty().get()),
                vm.positionProperty(), vm.durationProperty()));
        time.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, play, next, speeds, timeline, time);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 10, 12));
        return bar;
    }

    /** One small mark per event above the slider: chat blue, consent amber, screen grey. */
    private Pane markers(Slider slider) {
        Pane pane = new Pane();
        pane.setId("timelineMarkers");
        pane.setMinHeight(10);
        pane.setPrefHeight(10);
        Runnable redraw = () -> {
            pane.getChildren().clear();
            double width = pane.getWidth();
            long duration = Math.max(1, vm.durationProperty().get());
            // The slider's thumb keeps a margin at both ends; markers follow its track.
            double inset = 8;
            for (TimelineEvent event : vm.events()) {
                double x = inset + (width - 2 * inset) * event.atMs() / duration;
                Rectangle mark = new Rectangle(x - 1.5, 1, 3, 8);
                mark.getStyleClass().addAll("timeline-marker", event.kind().name().toLowerCase(java.util.Locale.ROOT));
                mark.setStyle(switch (event.kind()) {
                    case CHAT -> "-fx-fill: -color-accent-emphasis;";
                    case CONSENT -> "-fx-fill: -color-warning-emphasis;";
                    case OUTCOME -> "-fx-fill: -color-success-emphasis;";
                    default -> "-fx-fill: -color-fg-muted;";
                });
                pane.getChildren().add(mark);
            }
        };
        pane.widthProperty().addListener((obs, o, n) -> redraw.run());
        vm.events().addListener((ListChangeListener<TimelineEvent>) c -> redraw.run());
        vm.durationProperty().addListener((obs, o, n) -> redraw.run());
        return pane;
    }

    private Node loadingCover() {
        ProgressBar bar = new ProgressBar();
        bar.setId("loadingProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(320);
        Label label = new Label();
        label.textProperty().bind(messages.text("player.loading"));
        VBox box = new VBox(10, label, bar);
        box.setAlignment(Pos.CENTER);
        StackPane cover = new StackPane(box);
        cover.getStyleClass().add("screen-consent-scrim");
        cover.setId("loadingCover");
        cover.visibleProperty().bind(vm.loadingProperty());
        cover.managedProperty().bind(cover.visibleProperty());
        return cover;
    }
}
