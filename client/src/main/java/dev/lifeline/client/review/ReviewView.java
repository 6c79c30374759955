package dev.lifeline.client.review;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.markdown.MarkdownView;
import dev.lifeline.client.report.ReportDocument;
import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.SessionSort;
import dev.lifeline.common.wire.review.Tristate;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The sessions list: filters on top, the page of sessions, the selected session's report beside it. */
public final class ReviewView extends BorderPane {
    static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private final ReviewViewModel vm;
    private final ZoneId zone;
    private final TableView<SessionRow> table = new TableView<>();
    private final Map<TableColumn<SessionRow, ?>, SessionSort> sortOf = new LinkedHashMap<>();

    public ReviewView(ReviewViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        getStyleClass().add("review");
        setTop(filters());
        SplitPane split = new SplitPane(listPane(), reportPane());
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    private Region filters() {
        DatePicker from = new DatePicker();
        from.setId("reviewFrom");
        from.setPromptText("From");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("reviewTo");
        to.setPromptText("To");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(130);
        TextField technician = field("reviewTechnician", "Technician", vm.technicianProperty(), 120);
        TextField organisation = field("reviewOrganisation", "Organisation", vm.organisationProperty(), 120);
        TextField text = field("reviewText", "Search customer, notes…", vm.textProperty(), 170);
        ComboBox<Outcome.Kind> outcome = new ComboBox<>();
        outcome.setId("reviewOutcome");
        outcome.getItems().addAll(null, Outcome.Kind.RESOLVED_REMOTELY, Outcome.Kind.ONSITE_VISIT,
                Outcome.Kind.ESCALATED_TO_DEVELOPMENT, Outcome.Kind.NOT_RESOLVED, Outcome.Kind.KIND_UNSPECIFIED);
        outcome.setConverter(converter(k -> k == null ? "Any outcome" : DashboardViewModel.outcomeLabel(k)));
        outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
        TextField minMinutes = minutesField("reviewMinMinutes", "Min min", vm.minMinutesProperty());
        TextField maxMinutes = minutesField("reviewMaxMinutes", "Max min", vm.maxMinutesProperty());
        ComboBox<Tristate> control = tristate("reviewHadControl", "Had control", vm.hadControlProperty());
        ComboBox<Tristate> onsite = tristate("reviewOnsite", "On-site recommended", vm.onsiteProperty());
        Button search = new Button("Search");
        search.setId("reviewSearch");
        search.getStyleClass().add(Styles.ACCENT);
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.search());
        Button clear = new Button("Clear");
        clear.setId("reviewClear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());
        FlowPane bar = new FlowPane(8, 8, from, to, technician, organisation, text, outcome, minMinutes, maxMinutes,
                control, onsite, search, clear);
        bar.setPadding(new Insets(10));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Region listPane() {
        table.setId("reviewSessions");
        table.setPlaceholder(new Label("No sessions match these filters."));
        table.getColumns().add(column("Started", SessionSort.SORT_STARTED, 112,
                r -> STARTED.format(Instant.ofEpochMilli(r.getStartedAtMs()).atZone(zone))));
        table.getColumns().add(column("Customer", SessionSort.SORT_CUSTOMER, 95, SessionRow::getCustomerName));
        table.getColumns().add(column("Organisation", SessionSort.SORT_ORGANISATION, 150, SessionRow::getOrganisation));
        table.getColumns().add(column("Technician", SessionSort.SORT_TECHNICIAN, 105, SessionRow::getTechnician));
        table.getColumns().add(column("Duration", SessionSort.SORT_DURATION, 92,
                r -> r.getEndedAtMs() == 0 ? "running" : DashboardViewModel.minutes(r.getDurationSeconds())));
        table.getColumns().add(column("Outcome", SessionSort.SORT_OUTCOME, 165,
                r -> r.getHasReport() ? ReportExport.outcomeTitle(r.getOutcome()) : "—"));
        table.getColumns().add(column("Control", null, 76, r -> r.getHadControl() ? "yes" : ""));
        table.getColumns().add(column("On-site", null, 76, r -> r.getOnsiteRecommended() ? "yes" : ""));
        table.getColumns().add(column("Rec", null, 45, r -> r.getRecorded() ? "●" : ""));
        table.setItems(vm.rows());
        // The relay sorts: the header only says by what.
        table.setSortPolicy(t -> true);
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<SessionRow, ?>>) c -> sortChanged());
        sortOf.keySet().forEach(col -> col.sortTypeProperty().addListener((o, a, b) -> sortChanged()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (vm.selectedProperty().get() != b) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button previous = new Button("◀ Previous");
        previous.setId("reviewPrevious");
        previous.getStyleClass().add(Styles.FLAT);
        previous.setOnAction(e -> vm.previousPage());
        previous.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        Button next = new Button("Next ▶");
        next.setId("reviewNext");
        next.getStyleClass().add(Styles.FLAT);
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(Bindings.createBooleanBinding(
                () -> (vm.pageProperty().get() + 1L) * ReviewViewModel.PAGE_SIZE >= vm.totalProperty().get(),
                vm.pageProperty(), vm.totalProperty()));
        Label page = new Label();
        page.setId("reviewPage");
        page.textProperty().bind(Bindings.createStringBinding(vm::pageLabel, vm.pageProperty(), vm.totalProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        Label error = new Label();
        error.setId("reviewError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.errorProperty());
        HBox pager = new HBox(8, previous, page, next, busy, error);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(6, 10, 6, 10));
        return new VBox(table, pager);
    }

    private Region reportPane() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            SessionRow r = vm.selectedProperty().get();
            return r == null ? "Select a session" : r.getCustomerName() + " — " + (r.getTechnician().isEmpty() ? "?" : r.getTechnician());
        }, vm.selectedProperty()));
        // The report as the Markdown export has it, rendered (headings, tables, lists, emphasis).
        MarkdownView report = new MarkdownView();
        report.setId("reviewReport");
        report.markdownProperty().bind(vm.reportTextProperty());
        VBox.setVgrow(report, Priority.ALWAYS);
        MenuButton export = new MenuButton("Export…");
        export.setId("reviewExport");
        for (ReportDocument f : ReportDocument.values()) {
            MenuItem item = new MenuItem(switch (f) {
                case PDF -> "PDF document";
                case HTML -> "HTML document";
                case MARKDOWN -> "Markdown";
                case JSON -> "JSON";
            });
            item.setOnAction(e -> export(f));
            export.getItems().add(item);
        }
        export.disableProperty().bind(vm.reportProperty().isNull());
        Button play = new Button("Play recording");
        play.setId("reviewPlay");
        play.getStyleClass().add(Styles.ACCENT);
        play.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || !vm.selectedProperty().get().getRecorded(), vm.selectedProperty()));
        play.setOnAction(e -> vm.playRecording());
        Label status = new Label();
        status.setId("reviewStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox actions = new HBox(8, play, export, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, actions, report);
        box.setPadding(new Insets(10));
        return box;
    }

    private void export(ReportDocument format) {
        FileChooser chooser = new FileChooser();
        String id = vm.reportProperty().get() == null ? "report" : vm.reportProperty().get().getReportId();
        chooser.setInitialFileName("session-report-" + id.substring(0, Math.min(8, id.length())) + "." + format.extension());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath(), format);
        }
    }

    private void sortChanged() {
        if (table.getSortOrder().isEmpty()) {
            vm.sortTo(SessionSort.SORT_STARTED, false);
            return;
        }
        TableColumn<SessionRow, ?> first = table.getSortOrder().get(0);
        SessionSort by = sortOf.get(first);
        if (by != null) {
            vm.sortTo(by, first.getSortType() == TableColumn.SortType.ASCENDING);
        }
    }

    private TableColumn<SessionRow, String> column(String title, SessionSort sort, double width, Function<SessionRow, String> value) {
        TableColumn<SessionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(sort != null);
        if (sort != null) {
            sortOf.put(c, sort);
        }
        return c;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static TextField minutesField(String id, String prompt, javafx.beans.property.IntegerProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(70);
        f.textProperty().addListener((o, a, b) -> {
            String digits = b.replaceAll("[^0-9]", "");
            if (!digits.equals(b)) {
                f.setText(digits);
                return;
            }
            property.set(digits.isEmpty() ? 0 : (int) Math.min(100_000, Long.parseLong(digits.substring(0, Math.min(9, digits.length())))));
        });
        property.addListener((o, a, b) -> {
            String shown = b.intValue() == 0 ? "" : Integer.toString(b.intValue());
            if (!f.getText().equals(shown)) {
                f.setText(shown);
            }
        });
        return f;
    }

    private static ComboBox<Tristate> tristate(String id, String what, javafx.beans.property.ObjectProperty<Tristate> property) {
        ComboBox<Tristate> box = new ComboBox<>();
        box.setId(id);
        box.getItems().addAll(Tristate.EITHER, Tristate.YES, Tristate.NO);
        box.setConverter(converter(t -> switch (t == null ? Tristate.EITHER : t) {
            case YES -> what + ": yes";
            case NO -> what + ": no";
            default -> what + ": any";
        }));
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
