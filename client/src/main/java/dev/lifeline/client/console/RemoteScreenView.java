package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenRect;
import java.nio.IntBuffer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;

/**
 * The customer's screen in a session tab: a tool bar (View screen / Stop viewing, quality,
 * fit or 1:1, monitor, stats) over the picture with the customer's cursor drawn on top. The
 * picture is an {@link ImageView} of a {@link WritableImage} that shares the view model's
 * {@link ScreenPixels} through a {@link PixelBuffer}, so a frame redraws only what changed.
 */
public final class RemoteScreenView extends BorderPane {
    private final RemoteScreenViewModel vm;
    private final RemoteControlViewModel control;
    private final Messages messages;
    private final ImageView imageView = new ImageView();
    private final Polygon cursor = new Polygon(0, 0, 0, 17, 4.5, 13, 7.5, 19.5, 10, 18.5, 7, 12, 12.5, 12);
    /** The customer's own pointer image, when their system tells what it looks like. */
    private final ImageView cursorImage = new ImageView();
    private final Pane canvas = new Pane(imageView, cursor, cursorImage);
    private final StackPane holder = new StackPane(canvas);
    private final ScrollPane scroll = new ScrollPane(holder);
    private PixelBuffer<IntBuffer> pixelBuffer;

    RemoteScreenView(RemoteScreenViewModel vm, RemoteControlViewModel control, Messages messages) {
        this.vm = vm;
        this.control = control;
        this.messages = messages;
        getStyleClass().add("remote-screen");
        setTop(new VBox(toolBar(), new RemoteControlBar(control, vm, messages)));
        RemoteInputHandlers.install(canvas, scroll, control);
        setCenter(stage());

        vm.pixelsProperty().addListener((obs, o, p) -> showPixels(p));
        showPixels(vm.pixelsProperty().get());
        vm.framesShownProperty().addListener((obs, o, n) -> redraw(vm.lastChange()));
        scroll.viewportBoundsProperty().addListener((obs, o, n) -> layoutPicture());
        vm.fitToWindowProperty().addListener((obs, o, n) -> layoutPicture());
        vm.cursorXProperty().addListener((obs, o, n) -> placeCursor());
        vm.cursorYProperty().addListener((obs, o, n) -> placeCursor());
    }

    /** The picture without the live session's controls, for the recording player (issue 7). */
    public static RemoteScreenView forPlayback(RemoteScreenViewModel vm, Messages messages) {
        // No grants, no session: the control bar never activates; both bars are removed below.
        RemoteScreenView view = new RemoteScreenView(vm, new RemoteControlViewModel(vm, new GrantsViewModel(), Runnable::run), messages);
        view.setTop(null);
        return view;
    }

    private HBox toolBar() {
        Button view = new Button();
        view.setId("viewScreen");
        view.textProperty().bind(messages.text("console.screen.view"));
        view.setGraphic(Icons.icon(Icons.SCREEN, 14, "on-accent"));
        view.getStyleClass().add(Styles.ACCENT);
        view.setOnAction(e -> vm.requestScreen());
        view.disableProperty().bind(vm.canRequest().not());
        view.setMinWidth(Region.USE_PREF_SIZE);
        Button stop = new Button();
        stop.setId("stopViewing");
        stop.textProperty().bind(messages.text("console.screen.stopViewing"));
        stop.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        stop.setOnAction(e -> vm.stopViewing());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        // One slot: View screen until asked, then Stop viewing (which also withdraws the question).
        stop.visibleProperty().bind(vm.viewing().or(vm.statusProperty().isEqualTo(Status.REQUESTED)));
        stop.managedProperty().bind(stop.visibleProperty());
        view.visibleProperty().bind(stop.visibleProperty().not());
        view.managedProperty().bind(view.visibleProperty());

        HBox quality = qualitySwitch();
        HBox fit = fitSwitch();
        fit.visibleProperty().bind(vm.viewing());
        fit.managedProperty().bind(fit.visibleProperty());
        ComboBox<MonitorInfo> monitor = monitorPicker();

        Label stats = new Label();
        stats.setId("screenStats");
        stats.getStyleClass().add("screen-stats");
        stats.textProperty().bind(Bindings.createStringBinding(() -> statsText(vm.statsProperty().get()),
                vm.statsProperty(), messages.localeProperty()));
        stats.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        HBox bar = new HBox(10, view, stop, quality, fit, monitor, spacer, stats);
        bar.getStyleClass().add("screen-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox qualitySwitch() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        Quality[] all = Quality.values();
        for (int i = 0; i < all.length; i++) {
            Quality q = all[i];
            ToggleButton b = new ToggleButton();
            b.setId("quality" + q.name());
            b.setUserData(q);
            b.setToggleGroup(group);
            b.textProperty().bind(messages.text("console.screen.quality." + q.name()));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(messages.text("console.screen.quality." + q.name() + ".tooltip"));
            b.setTooltip(tip);
            b.getStyleClass().addAll(Styles.SMALL, i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(q == vm.qualityProperty().get());
            b.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the three is always on
            } else {
                vm.chooseQuality((Quality) now.getUserData());
            }
        });
        // selectToggle swaps in one step; deselecting first would pass through "none" and call back.
        vm.qualityProperty().addListener((obs, o, q) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == q).findFirst().ifPresent(group::selectToggle));
        box.accessibleTextProperty().bind(messages.text("console.screen.quality.label"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setId("qualitySwitch");
        return box;
    }

    private HBox fitSwitch() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton fit = new ToggleButton();
        fit.setId("fitToWindow");
        fit.textProperty().bind(messages.text("console.screen.fit"));
        Tooltip fitTip = new Tooltip();
        fitTip.textProperty().bind(messages.text("console.screen.fit.tooltip"));
        fit.setTooltip(fitTip);
        ToggleButton actual = new ToggleButton();
        actual.setId("actualSize");
        actual.textProperty().bind(messages.text("console.screen.actualSize"));
        Tooltip actualTip = new Tooltip();
        actualTip.textProperty().bind(messages.text("console.screen.actualSize.tooltip"));
        actual.setTooltip(actualTip);
        fit.getStyleClass().addAll(Styles.SMALL, Styles.LEFT_PILL);
        actual.getStyleClass().addAll(Styles.SMALL, Styles.RIGHT_PILL);
        fit.setToggleGroup(group);
        actual.setToggleGroup(group);
        fit.setSelected(vm.fitToWindowProperty().get());
        actual.setSelected(!vm.fitToWindowProperty().get());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.fitToWindowProperty().set(now == fit);
            }
        });
        vm.fitToWindowProperty().addListener((obs, o, f) -> (f ? fit : actual).setSelected(true));
        HBox box = new HBox(fit, actual);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private ComboBox<MonitorInfo> monitorPicker() {
        ComboBox<MonitorInfo> picker = new ComboBox<>(vm.monitors());
        picker.setId("monitorPicker");
        picker.getStyleClass().add(Styles.SMALL);
        picker.setCellFactory(list -> new MonitorCell());
        picker.setButtonCell(new MonitorCell());
        picker.accessibleTextProperty().bind(messages.text("console.screen.monitor.label"));
        picker.visibleProperty().bind(Bindings.size(vm.monitors()).greaterThan(1).and(vm.viewing()));
        picker.managedProperty().bind(picker.visibleProperty());
        // The list and the active index come from the session; only a user's pick goes back.
        boolean[] syncing = {false};
        Runnable sync = () -> {
            syncing[0] = true;
            int active = vm.activeMonitorProperty().get();
            if (active >= 0 && active < vm.monitors().size()) {
                picker.getSelectionModel().select(active);
            } else {
                picker.getSelectionModel().clearSelection();
            }
            syncing[0] = false;
        };
        vm.monitors().addListener((ListChangeListener<MonitorInfo>) c -> sync.run());
        vm.activeMonitorProperty().addListener((obs, o, n) -> sync.run());
        picker.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> {
            if (!syncing[0] && n.intValue() >= 0) {
                vm.selectMonitor(n.intValue());
            }
        });
        sync.run();
        return picker;
    }

    private final class MonitorCell extends ListCell<MonitorInfo> {
        MonitorCell() {
            messages.localeProperty().addListener((obs, o, n) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(MonitorInfo m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : messages.get("console.screen.monitor", m.name(), m.width(), m.height()));
        }
    }

    private StackPane stage() {
        imageView.setPreserveRatio(false);
        cursor.getStyleClass().add("remote-cursor");
        cursor.setId("remoteCursor");
        cursor.setMouseTransparent(true);
        cursor.setManaged(false);
        cursorImage.setId("remoteCursorImage");
        cursorImage.setMouseTransparent(true);
        cursorImage.setManaged(false);
        canvas.getStyleClass().add("screen-canvas");
        canvas.setId("screenCanvas");
        holder.setAlignment(Pos.CENTER);
        holder.getStyleClass().add("screen-holder");
        scroll.getStyleClass().addAll("screen-scroll", "edge-to-edge");
        scroll.setPannable(true);
        scroll.setId("screenScroll");

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(32, 32);
        busy.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.REQUESTED)
                .or(vm.viewing().and(vm.pixelsProperty().isNull())));
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("screenStatus");
        status.getStyleClass().add("screen-status");
        status.setWrapText(true);
        status.setMaxWidth(460);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText,
                vm.statusProperty(), vm.detailProperty(), vm.availableProperty(), vm.sessionOverProperty(), vm.pixelsProperty(),
                messages.localeProperty()));
        VBox placeholder = new VBox(12, Icons.icon(Icons.SCREEN, 48), busy, status);
        placeholder.getStyleClass().add("screen-placeholder");
        placeholder.setId("screenPlaceholder");

        BooleanBinding pictureShown = vm.viewing().and(vm.pixelsProperty().isNotNull());
        scroll.visibleProperty().bind(pictureShown);
        placeholder.visibleProperty().bind(pictureShown.not());

        Label paused = new Label();
        paused.setId("screenPaused");
        paused.textProperty().bind(messages.text("console.screen.paused"));
        paused.getStyleClass().add("screen-paused");
        paused.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.PAUSED).and(pictureShown));
        StackPane.setAlignment(paused, Pos.TOP_CENTER);

        cursor.visibleProperty().bind(vm.cursorVisibleProperty().and(vm.cursorShapeProperty().isNull()));
        cursorImage.visibleProperty().bind(vm.cursorVisibleProperty().and(vm.cursorShapeProperty().isNotNull()));
        vm.cursorShapeProperty().addListener((obs, o, shape) -> {
            cursorImage.setImage(shape == null ? null : cursorPicture(shape));
            placeCursor();
        });
        StackPane stage = new StackPane(scroll, placeholder, paused);
        stage.getStyleClass().add("screen-stage");
        return stage;
    }

    private String statusText() {
        if (vm.sessionOverProperty().get()) {
            return ""; // the tab's ended banner says why
        }
        if (!vm.availableProperty().get() && vm.status() == Status.OFF) {
            return messages.get("console.screen.notYet");
        }
        String detail = vm.detailProperty().get();
        return switch (vm.status()) {
            case OFF -> messages.get("console.screen.off");
            case REQUESTED -> messages.get("console.screen.requested");
            case DENIED -> messages.get("console.screen.denied");
            case SHARING, PAUSED -> messages.get("console.screen.firstPicture");
            case STOPPED -> messages.get("console.screen.stopped");
            case UNAVAILABLE -> detail.isEmpty() ? messages.get("console.screen.unavailableNoDetail")
                    : messages.get("console.screen.unavailable", detail);
        };
    }

    /** "24 fps · 38 ms · 1.2 Mbit/s", kbit/s below one megabit; empty until measured. */
    private String statsText(ScreenStats s) {
        if (s == null) {
            return "";
        }
        double megabits = s.bytesPerSecond() * 8 / 1_000_000.0;
        String rate = megabits >= 1 ? messages.get("console.screen.rate.mbit", megabits)
                : messages.get("console.screen.rate.kbit", Math.round(megabits * 1000));
        return messages.get("console.screen.stats", Math.round(s.framesPerSecond()), s.latencyMs(), rate);
    }

    /** A new size (or the first picture): a new image around the view model's buffer. */
    private void showPixels(ScreenPixels p) {
        if (p == null) {
            pixelBuffer = null;
            imageView.setImage(null);
            return;
        }
        pixelBuffer = new PixelBuffer<>(p.width(), p.height(), p.buffer(), PixelFormat.getIntArgbPreInstance());
        imageView.setImage(new WritableImage(pixelBuffer));
        layoutPicture();
    }

    private void redraw(ScreenRect changed) {
        if (pixelBuffer != null && !changed.isEmpty()) {
            pixelBuffer.updateBuffer(b -> new Rectangle2D(changed.x(), changed.y(), changed.width(), changed.height()));
        }
    }

    /** Scales the picture to the viewport (fit) or 1:1, centred, and puts the cursor where it belongs. */
    private void layoutPicture() {
        ScreenPixels p = vm.pixelsProperty().get();
        Bounds viewport = scroll.getViewportBounds();
        holder.setMinSize(viewport.getWidth(), viewport.getHeight());
        if (p == null) {
            return;
        }
        boolean fit = vm.fitToWindowProperty().get();
        vm.viewportResized(viewport.getWidth(), viewport.getHeight());
        double scale = vm.scaleProperty().get();
        double w = p.width() * scale;
        double h = p.height() * scale;
        imageView.setFitWidth(w);
        imageView.setFitHeight(h);
        imageView.setSmooth(fit);
        canvas.setMinSize(w, h);
        canvas.setPrefSize(w, h);
        canvas.setMaxSize(w, h);
        scroll.setHbarPolicy(fit ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(fit ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        placeCursor();
    }

    private void placeCursor() {
        ScreenPixels p = vm.pixelsProperty().get();
        if (p == null) {
            return;
        }
        double scale = imageView.getFitWidth() > 0 ? imageView.getFitWidth() / p.width() : 1;
        cursor.relocate(vm.cursorXProperty().get() * scale, vm.cursorYProperty().get() * scale);
        dev.lifeline.client.screen.CursorShape shape = vm.cursorShapeProperty().get();
        if (shape != null) {
            cursorImage.setFitWidth(shape.width() * scale);
            cursorImage.setFitHeight(shape.height() * scale);
            cursorImage.relocate((vm.cursorXProperty().get() - shape.hotX()) * scale,
                    (vm.cursorYProperty().get() - shape.hotY()) * scale);
        }
    }

    private static WritableImage cursorPicture(dev.lifeline.client.screen.CursorShape shape) {
        WritableImage image = new WritableImage(shape.width(), shape.height());
        image.getPixelWriter().setPixels(0, 0, shape.width(), shape.height(),
                javafx.scene.image.PixelFormat.getIntArgbInstance(), shape.argb(), 0, shape.width());
        return image;
    }
}
