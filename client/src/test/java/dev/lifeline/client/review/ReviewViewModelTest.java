package dev.lifeline.client.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.team.TeamRequests;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DayCount;
import dev.lifeline.common.wire.review.OrganisationFigures;
import dev.lifeline.common.wire.review.OutcomeCount;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.SessionSort;
import dev.lifeline.common.wire.review.Tristate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's view models without a screen: queries built from filters, paging, stale answers, report, export, dashboard. */
class ReviewViewModelTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    static SessionRow row(long id, String customer, boolean report) {
        return SessionRow.newBuilder().setId(id).setCustomerName(customer).setTechnician("Alice Meyer")
                .setStartedAtMs(1_700_000_000_000L + id).setEndedAtMs(1_700_000_060_000L + id).setDurationSeconds(60)
                .setHasReport(report).setOutcome(report ? Outcome.Kind.RESOLVED_REMOTELY : Outcome.Kind.KIND_UNSPECIFIED)
                .setRecorded(id % 2 == 0).build();
    }

    static SessionPage page(long total, SessionRow... rows) {
        return SessionPage.newBuilder().setTotal(total).addAllRows(List.of(rows)).build();
    }

    @Test
    void filtersBecomeOneQueryForTheRelay() {
        FakeReviewService service = new FakeReviewService();
        ReviewViewModel vm = new ReviewViewModel(service, Runnable::run, Runnable::run, BERLIN);
        vm.fromProperty().set(LocalDate.of(2026, 11, 1));
        vm.toProperty().set(LocalDate.of(2026, 11, 23));
        vm.technicianProperty().set(" Alice Meyer ");
        vm.organisationProperty().set("ACME");
        vm.textProperty().set("printer");
        vm.outcomeProperty().set(Outcome.Kind.ONSITE_VISIT);
        vm.minMinutesProperty().set(10);
        vm.maxMinutesProperty().set(90);
        vm.hadControlProperty().set(Tristate.YES);
        vm.onsiteProperty().set(Tristate.NO);
        vm.search();

        var q = service.lastQuery();
        assertEquals(Instant.parse("2026-10-31T23:00:00Z").toEpochMilli(), q.getFromMs(), "midnight in Berlin");
        assertEquals(Instant.parse("2026-11-23T23:00:00Z").toEpochMilli(), q.getToMs(), "the whole last day");
        assertEquals("Alice Meyer", q.getTechnician());
        assertEquals("ACME", q.getOrganisation());
        assertEquals("printer", q.getText());
        assertEquals(List.of(Outcome.Kind.ONSITE_VISIT), q.getOutcomesList());
        assertEquals(600, q.getMinDurationSeconds());
        assertEquals(5400, q.getMaxDurationSeconds());
        assertEquals(Tristate.YES, q.getHadControl());
        assertEquals(Tristate.NO, q.getOnsiteRecommended());
        assertEquals(0, q.getOffset());
        assertEquals(ReviewViewModel.PAGE_SIZE, q.getLimit());

        vm.clearFilters();
        var cleared = service.lastQuery();
        assertEquals(0, cleared.getFromMs());
        assertEquals("", cleared.getTechnician());
        assertTrue(cleared.getOutcomesList().isEmpty());
        assertEquals(Tristate.EITHER, cleared.getHadControl());
    }

    @Test
    void pagesMoveWithinTheTotalAndSortingFlips() {
        FakeReviewService service = new FakeReviewService();
        ReviewViewModel vm = new ReviewViewModel(service, Runnable::run, Runnable::run, ZoneOffset.UTC);
        vm.search();
        service.lastPage().complete(page(120, row(1, "Carol", true)));
        assertEquals("Page 1 of 3 (120 sessions)", vm.pageLabel());
        vm.previousPage();
        assertEquals(1, service.queries.size(), "no page before the first");
        vm.nextPage();
        vm.nextPage();
        assertEquals(100, service.lastQuery().getOffset());
        int asked = service.queries.size();
        vm.nextPage();
        assertEquals(asked, service.queries.size(), "no page after the last");

        vm.sortBy(SessionSort.SORT_DURATION);
        assertEquals(SessionSort.SORT_DURATION, service.lastQuery().getSort());
        assertEquals(0, service.lastQuery().getOffset(), "a new sort starts at the first page");
        boolean first = service.lastQuery().getAscending();
        vm.sortBy(SessionSort.SORT_DURATION);
        assertEquals(!first, service.lastQuery().getAscending());
    }

    @Test
    void anOlderAnswerNeverOverwritesANewerSearch() {
        FakeReviewService service = new FakeReviewService();
        ReviewViewModel vm = new ReviewViewModel(service, Runnable::run, Runnable::run, ZoneOffset.UTC);
        vm.textProperty().set("old");
        vm.search();
        var slow = service.lastPage();
        vm.textProperty().set("new");
        vm.search();
        service.lastPage().complete(page(1, row(2, "New match", false)));
        slow.complete(page(1, row(1, "Old match", false)));
        assertEquals(List.of("New match"), vm.rows().stream().map(SessionRow::getCustomerName).toList());
    }

    @Test
    void errorsAreShownAndTheListIsKept() {
        FakeReviewService service = new FakeReviewService();
        ReviewViewModel vm = new ReviewViewModel(service, Runnable::run, Runnable::run, ZoneOffset.UTC);
        vm.search();
        service.lastPage().complete(page(1, row(1, "Carol", true)));
        vm.search();
        service.lastPage().completeExceptionally(new TeamRequests.RequestFailedException(ErrorCode.FORBIDDEN,
                "reviewing sessions needs the lead role"));
        assertEquals("reviewing sessions needs the lead role", vm.errorProperty().get());
        assertEquals(1, vm.rows().size());
    }

    @Test
    void theSelectedSessionsReportIsShownAndExported() throws Exception {
        FakeReviewService service = new FakeReviewService();
        ReviewViewModel vm = new ReviewViewModel(service, Runnable::run, Runnable::run, ZoneOffset.UTC);
        List<SessionRow> opened = new java.util.ArrayList<>();
        vm.useRecordingOpener(opened::add);
        vm.search();
        SessionRow withReport = row(2, "Carol", true);
        SessionRow without = row(3, "Dan", false);
        service.lastPage().complete(page(2, withReport, without));

        vm.selectedProperty().set(without);
        assertEquals("No report was filed for this session.", vm.reportTextProperty().get());
        assertTrue(service.reportsAsked.isEmpty(), "nothing to fetch");
        vm.playRecording();
        assertTrue(opened.isEmpty(), "not recorded");

        vm.selectedProperty().set(withReport);
        assertEquals(List.of(2L), service.reportsAsked);
        SessionReport report = SessionReport.newBuilder().setFormatVersion(1).setReportId(UUID.randomUUID().toString())
                .setSessionId("ab".repeat(16)).setStartedAtMs(1_700_000_000_000L).setEndedAtMs(1_700_000_600_000L)
                .setCustomer(Party.newBuilder().setName("Carol")).setTechnician(Party.newBuilder().setName("Alice Meyer"))
                .setOutcome(Outcome.newBuilder().setKind(Outcome.Kind.RESOLVED_REMOTELY).setNotes("driver reinstalled")).build();
        service.reports.get(0).complete(ReportAnswer.newBuilder().setSession(withReport).setReport(report).build());
        assertEquals(report, vm.reportProperty().get());
        assertTrue(vm.reportTextProperty().get().contains("driver reinstalled"), vm.reportTextProperty().get());

        Path html = dir.resolve("report.html");
        vm.export(html, dev.lifeline.client.report.ReportDocument.HTML);
        assertTrue(Files.readString(html).contains("driver reinstalled"));
        assertEquals("Exported to report.html", vm.statusProperty().get());
        Path pdf = dir.resolve("report.pdf");
        vm.export(pdf, dev.lifeline.client.report.ReportDocument.PDF);
        assertEquals("Exported to report.pdf", vm.statusProperty().get());
        assertTrue(dev.lifeline.client.report.ReportPdfTest.text(Files.readAllBytes(pdf)).contains("driver reinstalled"));
        vm.playRecording();
        assertEquals(List.of(withReport), opened, "recorded: opens the player");

        // A new page that still holds the selection keeps it; one that does not clears it.
        vm.load();
        service.lastPage().complete(page(1, without));
        assertNull(vm.selectedProperty().get());
        assertNull(vm.reportProperty().get());
    }

    @Test
    void theDashboardTurnsFiguresIntoChartsAndTiles() {
        FakeReviewService service = new FakeReviewService();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        DashboardViewModel vm = new DashboardViewModel(service, Runnable::run, clock, BERLIN);
        vm.daysProperty().set(7);
        vm.refresh();
        var q = service.dashboardQueries.get(0);
        assertEquals(Instant.parse("2026-11-16T23:00:00Z").toEpochMilli(), q.getFromMs());
        assertEquals(Instant.parse("2026-11-23T23:00:00Z").toEpochMilli(), q.getToMs());
        assertEquals(60, q.getUtcOffsetMinutes());
        service.dashboards.get(0).complete(Dashboard.newBuilder()
                .addPerDay(DayCount.newBuilder().setDay("2026-11-20").setSessions(4))
                .addPerDay(DayCount.newBuilder().setDay("2026-11-21").setSessions(2))
                .addOutcomes(OutcomeCount.newBuilder().setOutcome(Outcome.Kind.RESOLVED_REMOTELY).setSessions(3))
                .addOutcomes(OutcomeCount.newBuilder().setOutcome(Outcome.Kind.KIND_UNSPECIFIED).setSessions(1))
                .setSessions(6).setAverageHandlingSeconds(25 * 60).setReported(4).setFirstContacts(4).setFirstContactResolved(3)
                .addOrganisations(OrganisationFigures.newBuilder().setName("Clinic").setContract("BLOCK_HOURS")
                        .setBlockHours(true).setBlockMinutesRemaining(90))
                .addOrganisations(OrganisationFigures.newBuilder().setName("Bakery").setContract("MANAGED_SERVICES")
                        .setSlaBreaches(2))
                .build());
        assertEquals(List.of(new DashboardViewModel.Point("11-20", 4), new DashboardViewModel.Point("11-21", 2)), vm.perDay());
        assertEquals(List.of(new DashboardViewModel.Point("Resolved remotely", 3), new DashboardViewModel.Point("No report", 1)),
                vm.outcomes());
        assertEquals(List.of(new DashboardViewModel.Point("Clinic", 1.5)), vm.blockHoursLeft());
        assertEquals(List.of(new DashboardViewModel.Point("Bakery", 2)), vm.slaBreaches());
        assertEquals("6", vm.sessionsProperty().get());
        assertEquals("25 min", vm.averageHandlingProperty().get());
        assertEquals("75 %", vm.firstContactProperty().get());
    }
}
