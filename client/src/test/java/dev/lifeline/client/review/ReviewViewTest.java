package dev.lifeline.client.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.ConsoleApp;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DayCount;
import dev.lifeline.common.wire.review.OrganisationFigures;
import dev.lifeline.common.wire.review.OutcomeCount;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.Tristate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import dev.lifeline.client.markdown.MarkdownView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Review tab in the Console window: list filters to the relay query, rows, report, dashboard charts. */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {
    private final FakeReviewService service = new FakeReviewService();
    private ConsoleViewModel console;
    private ReviewWorkspace workspace;

    @Start
    void start(Stage stage) {
        console = new ConsoleViewModel(new FakeSessions.Identities(), Runnable::run, Platform::runLater, Clock.systemUTC());
        workspace = new ReviewWorkspace(new ReviewViewModel(service, Platform::runLater, Runnable::run, ZoneOffset.UTC),
                new DashboardViewModel(service, Platform::runLater, Clock.systemUTC(), ZoneOffset.UTC));
        stage.setScene(ConsoleApp.createScene(console, new Messages(Locale.ENGLISH)));
        stage.setWidth(1240);
        stage.setHeight(760);
        stage.show();
    }

    private static SessionRow row(long id, String customer, Outcome.Kind outcome) {
        return SessionRow.newBuilder().setId(id).setCustomerName(customer).setOrganisation("ACME").setTechnician("Alice Meyer")
                .setStartedAtMs(1_763_900_000_000L + id * 60_000).setEndedAtMs(1_763_900_000_000L + id * 60_000 + 600_000)
                .setDurationSeconds(600).setHasReport(true).setOutcome(outcome).setHadControl(true).build();
    }

    @Test
    void theReviewTabAppearsForLeadsOnlyAndItsFiltersQueryTheRelay(FxRobot robot) {
        TabPane tabs = robot.lookup("#sessionTabs").queryAs(TabPane.class);
        assertTrue(tabs.getTabs().stream().noneMatch(t -> "reviewTab".equals(t.getId())), "no Review tab before a lead signs in");
        robot.interact(() -> console.showReview(workspace));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Review", tabs.getTabs().get(0).getText());
        assertEquals(1, service.queries.size(), "the list loads when shown");

        robot.clickOn("#reviewTechnician").write("Alice Meyer");
        robot.clickOn("#reviewText").write("printer");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Outcome.Kind> outcome = robot.lookup("#reviewOutcome").queryAs(ComboBox.class);
            outcome.setValue(Outcome.Kind.ONSITE_VISIT);
            @SuppressWarnings("unchecked")
            ComboBox<Tristate> control = robot.lookup("#reviewHadControl").queryAs(ComboBox.class);
            control.setValue(Tristate.YES);
        });
        robot.clickOn("#reviewMinMinutes").write("5");
        robot.clickOn("#reviewSearch");
        WaitForAsyncUtils.waitForFxEvents();
        var q = service.lastQuery();
        assertEquals("Alice Meyer", q.getTechnician());
        assertEquals("printer", q.getText());
        assertEquals(java.util.List.of(Outcome.Kind.ONSITE_VISIT), q.getOutcomesList());
        assertEquals(Tristate.YES, q.getHadControl());
        assertEquals(300, q.getMinDurationSeconds());

        service.lastPage().complete(SessionPage.newBuilder().setTotal(120)
                .addRows(row(1, "Carol", Outcome.Kind.ONSITE_VISIT)).addRows(row(2, "Dan", Outcome.Kind.ONSITE_VISIT)).build());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#reviewSessions").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals("Page 1 of 3 (120 sessions)", robot.lookup("#reviewPage").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#reviewNext").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#reviewPrevious").queryAs(Button.class).isDisabled());

        robot.clickOn("#reviewNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(50, service.lastQuery().getOffset());
        assertEquals("Alice Meyer", service.lastQuery().getTechnician(), "paging keeps the filters");
        service.lastPage().complete(SessionPage.newBuilder().setTotal(120).addRows(row(60, "Eve", Outcome.Kind.ONSITE_VISIT)).build());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of(60L), service.reportsAsked, "selecting a session fetches its report");

        robot.clickOn("#reviewClear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", service.lastQuery().getTechnician());
        assertEquals(0, service.lastQuery().getOffset());
        assertTrue(robot.lookup("#reviewReport").queryAs(MarkdownView.class).isVisible());

        robot.interact(() -> console.showReview(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tabs.getTabs().stream().noneMatch(t -> "reviewTab".equals(t.getId())), "gone after sign-out");
    }

    @Test
    void theDashboardDrawsItsChartsFromOneAnswer(FxRobot robot) {
        robot.interact(() -> console.showReview(workspace));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Dashboard");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, service.dashboardQueries.size());
        service.dashboards.get(0).complete(Dashboard.newBuilder()
                .addPerDay(DayCount.newBuilder().setDay("2026-11-20").setSessions(4))
                .addPerDay(DayCount.newBuilder().setDay("2026-11-21").setSessions(7))
                .addOutcomes(OutcomeCount.newBuilder().setOutcome(Outcome.Kind.RESOLVED_REMOTELY).setSessions(8))
                .addOutcomes(OutcomeCount.newBuilder().setOutcome(Outcome.Kind.ONSITE_VISIT).setSessions(3))
                .setSessions(11).setAverageHandlingSeconds(1800).setReported(11).setFirstContacts(11).setFirstContactResolved(7)
                .addOrganisations(OrganisationFigures.newBuilder().setName("Clinic").setContract("BLOCK_HOURS")
                        .setBlockHours(true).setBlockMinutesRemaining(300))
                .addOrganisations(OrganisationFigures.newBuilder().setName("Bakery").setContract("MANAGED_SERVICES")
                        .setSlaBreaches(2))
                .build());
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<?, ?> perDay = robot.lookup("#dashboardPerDay").queryAs(BarChart.class);
        assertEquals(2, perDay.getData().get(0).getData().size());
        assertEquals(7, ((Number) perDay.getData().get(0).getData().get(1).getYValue()).intValue());
        PieChart outcomes = robot.lookup("#dashboardOutcomes").queryAs(PieChart.class);
        assertEquals(2, outcomes.getData().size());
        assertEquals("Resolved remotely (8)", outcomes.getData().get(0).getName());
        BarChart<?, ?> blocks = robot.lookup("#dashboardBlockHours").queryAs(BarChart.class);
        assertEquals(5.0, ((Number) blocks.getData().get(0).getData().get(0).getYValue()).doubleValue());
        BarChart<?, ?> sla = robot.lookup("#dashboardSla").queryAs(BarChart.class);
        assertEquals("Bakery", sla.getData().get(0).getData().get(0).getXValue());
        assertEquals("11", robot.lookup("#dashboardSessions").queryAs(Label.class).getText());
        assertEquals("30 min", robot.lookup("#dashboardHandling").queryAs(Label.class).getText());
        assertEquals("64 %", robot.lookup("#dashboardFirstContact").queryAs(Label.class).getText());
    }
}
