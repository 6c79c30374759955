package dev.lifeline.client.queue;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.queue.QueueViewModel.Notice;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.client.theme.Icons;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The live queue: one row per waiting customer — waiting time (ticking), name, problem, contact,
 * organisation, contract, block hours (with the low / exhausted warning), SLA — and "Take".
 */
public final class QueueView extends BorderPane {
    private final QueueViewModel vm;
    private final Messages messages;
    private final TableView<WaitingCustomer> table = new TableView<>();
    private final Timeline ticker;

    public QueueView(QueueViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("queueView");
        getStyleClass().add("queue-view");

        Label title = new Label();
        title.getStyleClass().add("session-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("queue.title", vm.waiting().size()), vm.waiting(), messages.localeProperty()));
        title.setId("queueTitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button take = new Button();
        take.setId("takeSelected");
        take.textProperty().bind(messages.text("queue.take"));
        take.getStyleClass().add(Styles.ACCENT);
        take.disableProperty().bind(vm.selectedProperty().isNull());
        take.setOnAction(e -> vm.take(vm.selectedProperty().get()));
        javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
        filter.setId("queueFilter");
        filter.promptTextProperty().bind(messages.text("queue.filter"));
        filter.setPrefColumnCount(18);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        javafx.scene.control.ComboBox<String> organisation = new javafx.scene.control.ComboBox<>();
        organisation.setId("queueOrganisation");
        organisation.setItems(vm.organisations());
        organisation.valueProperty().bindBidirectional(vm.organisationProperty());
        organisation.promptTextProperty().bind(messages.text("queue.allOrganisations"));
        Button allOrganisations = new Button();
        allOrganisations.setGraphic(Icons.icon(Icons.CLOSE, 10));
        allOrganisations.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        allOrganisations.accessibleTextProperty().bind(messages.text("queue.allOrganisations"));
        allOrganisations.visibleProperty().bind(vm.organisationProperty().isNotNull());
        allOrganisations.setOnAction(e -> vm.organisationProperty().set(null));
        HBox header = new HBox(12, title, spacer, filter, organisation, allOrganisations, take);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("session-header");

        Label noticeText = new Label();
        noticeText.setId("queueNotice");
        noticeText.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = vm.noticeProperty().get();
            WaitingCustomer about = vm.noticeAboutProperty().get();
            return n == null ? "" : messages.get("queue.notice." + n.name(), about == null ? "" : about.name());
        }, vm.noticeProperty(), vm.noticeAboutProperty(), messages.localeProperty()));
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        noticeText.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button();
        dismiss.setGraphic(Icons.icon(Icons.CLOSE, 12));
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> vm.dismissNotice());
        HBox notice = new HBox(8, Icons.icon(Icons.WARNING, 16), noticeText, dismiss);
        notice.getStyleClass().addAll("notice", "warning");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.visibleProperty().bind(vm.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox noticeBox = new VBox(notice);
        noticeBox.getStyleClass().add("queue-notice-box");
        setTop(new VBox(header, noticeBox));

        table.setId("queueTable");
        table.setItems(vm.shown());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("queue.col.waiting", 86, c -> Bindings.createStringBinding(
                () -> QueueViewModel.formatWaiting(QueueViewModel.waitingMs(c, vm.nowProperty().get())), vm.nowProperty())));
        table.getColumns().add(column("queue.col.name", 110, c -> constant(c.name()
                + (c.connected() ? "" : " " + messages.get("queue.reconnecting")))));
        table.getColumns().add(column("queue.col.problem", 300, c -> constant(c.problem())));
        table.getColumns().add(column("queue.col.contact", 120, c -> constant(c.contact())));
        table.getColumns().add(column("queue.col.organisation", 110, c -> constant(c.organisation())));
        table.getColumns().add(column("queue.col.contract", 100, c -> constant(c.contractKind())));
        TableColumn<WaitingCustomer, WaitingCustomer> balance = badgeColumn("queue.col.balance", 120, this::balanceBadge);
        TableColumn<WaitingCustomer, WaitingCustomer> sla = badgeColumn("queue.col.sla", 90, this::slaBadge);
        table.getColumns().add(balance);
        table.getColumns().add(sla);
        TableColumn<WaitingCustomer, WaitingCustomer> action = badgeColumn("queue.col.action", 70, c -> {
            Button b = new Button();
            b.textProperty().bind(messages.text("queue.take"));
            b.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
            b.setId("take-" + c.entryId());
            b.setOnAction(e -> vm.take(c));
            return b;
        });
        action.setSortable(false);
        table.getColumns().add(action);
        Label empty = new Label();
        empty.textProperty().bind(messages.text("queue.empty"));
        empty.getStyleClass().add("step-text");
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<WaitingCustomer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.take(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedProperty().set(n));
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != table.getSelectionModel().getSelectedItem()) {
                if (n == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(n);
                }
            }
        });
        setCenter(table);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private Node balanceBadge(WaitingCustomer c) {
        String key = QueueViewModel.balanceKey(c);
        if (key == null) {
            return null;
        }
        String style = c.exhausted() ? "danger" : c.lowBalance() ? "warning" : "neutral";
        return badge(messages.get(key, QueueViewModel.hours(c.blockMinutesRemaining())), style);
    }

    private Node slaBadge(WaitingCustomer c) {
        return switch (c.sla()) {
            case NONE -> null;
            case ON_TRACK -> badge(messages.get("queue.sla.ON_TRACK"), "success");
            case AT_RISK -> badge(messages.get("queue.sla.AT_RISK"), "warning");
            case BREACHED -> badge(messages.get("queue.sla.BREACHED"), "danger");
        };
    }

    static HBox badge(String text, String style) {
        Label l = new Label(text);
        HBox b = new HBox(l);
        b.getStyleClass().addAll("badge", style);
        b.setMaxWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static ObservableValue<String> constant(String s) {
        return new ReadOnlyObjectWrapper<>(s == null ? "" : s);
    }

    /** Columns with a fixed width stay so; the text columns share the rest by their preferred widths. */
    private static void width(TableColumn<?, ?> col, double width, boolean fixed) {
        col.setPrefWidth(width);
        if (fixed) {
            col.setMinWidth(width);
            col.setMaxWidth(width);
        } else {
            // The constrained policy shares spare room evenly; capping the short text columns leaves it to the problem.
            // In a narrow window the problem gives way first: names and organisations stay readable.
            col.setMinWidth(width >= 300 ? 120 : width * 0.9);
            col.setMaxWidth(width >= 300 ? Double.MAX_VALUE : width * 1.3);
        }
    }

    private TableColumn<WaitingCustomer, String> column(String key, double width,
            java.util.function.Function<WaitingCustomer, ObservableValue<String>> value) {
        TableColumn<WaitingCustomer, String> col = new TableColumn<>();
        col.textProperty().bind(messages.text(key));
        width(col, width, key.equals("queue.col.waiting") || key.equals("queue.col.contract"));
        col.setCellValueFactory(f -> value.apply(f.getValue()));
        return col;
    }

    private TableColumn<WaitingCustomer, WaitingCustomer> badgeColumn(String key, double width,
            java.util.function.Function<WaitingCustomer, Node> graphic) {
        TableColumn<WaitingCustomer, WaitingCustomer> col = new TableColumn<>();
        col.textProperty().bind(messages.text(key));
        width(col, width, true);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WaitingCustomer item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        });
        return col;
    }
}
