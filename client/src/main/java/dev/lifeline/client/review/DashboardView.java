package dev.lifeline.client.review;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The lead's dashboard: key figures on top, four charts below, all from one relay request. */
public final class DashboardView extends ScrollPane {
    private final DashboardViewModel vm;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("dashboard");
        setFitToWidth(true);
        ComboBox<Integer> period = new ComboBox<>();
        period.setId("dashboardPeriod");
        period.getItems().addAll(7, 30, 90, 365);
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : "Last " + days + " days";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        period.setValue(vm.daysProperty().get());
        period.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.daysProperty().set(b);
                vm.refresh();
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("dashboardRefresh");
        refresh.getStyleClass().add(Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.errorProperty());
        HBox top = new HBox(10, period, refresh, tile("dashboardSessions", "Sessions", vm.sessionsProperty()),
                tile("dashboardHandling", "Average handling time", vm.averageHandlingProperty()),
                tile("dashboardFirstContact", "First-contact resolution", vm.firstContactProperty()), error);
        top.setAlignment(Pos.CENTER_LEFT);

        BarChart<String, Number> perDay = bars("dashboardPerDay", "Sessions per day", "sessions", vm.perDay());
        PieChart outcomes = new PieChart();
        outcomes.setId("dashboardOutcomes");
        outcomes.setTitle("Outcome mix");
        outcomes.setLegendVisible(true);
        outcomes.setLabelsVisible(false);
        Runnable fillPie = () -> outcomes.getData().setAll(vm.outcomes().stream()
                .map(p -> new PieChart.Data(p.label() + " (" + (long) p.value() + ")", p.value())).toList());
        vm.outcomes().addListener((ListChangeListener<DashboardViewModel.Point>) c -> fillPie.run());
        fillPie.run();
        BarChart<String, Number> blocks = bars("dashboardBlockHours", "Block hours left per organisation", "hours", vm.blockHoursLeft());
        BarChart<String, Number> breaches = bars("dashboardSla", "SLA breaches per organisation", "breaches", vm.slaBreaches());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(perDay, 0, 0);
        grid.add(outcomes, 1, 0);
        grid.add(blocks, 0, 1);
        grid.add(breaches, 1, 1);
        for (var chart : new javafx.scene.Node[] {perDay, outcomes, blocks, breaches}) {
            ((javafx.scene.layout.Region) chart).setPrefHeight(260);
            ((javafx.scene.layout.Region) chart).setMinHeight(220);
        }
        VBox box = new VBox(12, top, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        setContent(box);
    }

    private static VBox tile(String id, String title, ReadOnlyStringProperty value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add(Styles.TITLE_3);
        v.textProperty().bind(value);
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TEXT_MUTED);
        VBox tile = new VBox(2, v, t);
        tile.setPadding(new Insets(4, 14, 4, 14));
        tile.getStyleClass().add("dashboard-tile");
        return tile;
    }

    private static BarChart<String, Number> bars(String id, String title, String unit, ObservableList<DashboardViewModel.Point> points) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setForceZeroInRange(true);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable fill = () -> series.getData().setAll(points.stream()
                .map(p -> new XYChart.Data<String, Number>(p.label(), p.value())).toList());
        points.addListener((ListChangeListener<DashboardViewModel.Point>) c -> fill.run());
        fill.run();
        // A few organisations should not become one wall-wide bar: bars at most about 80 px wide.
        Runnable gap = () -> chart.setCategoryGap(Math.max(6, (chart.getWidth() - 80) / Math.max(1, points.size()) - 80));
        chart.widthProperty().addListener((o, a, b) -> gap.run());
        points.addListener((ListChangeListener<DashboardViewModel.Point>) c -> gap.run());
        return chart;
    }
}
