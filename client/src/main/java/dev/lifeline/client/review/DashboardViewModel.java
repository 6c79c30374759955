package dev.lifeline.client.review;

import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.OrganisationFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lead's dashboard: one relay request per period gives every figure; this turns them into
 * what the charts and tiles show (sessions per day, outcome mix, handling time, first-contact
 * resolution, block-hour balances and SLA breaches per organisation).
 */
public final class DashboardViewModel {
    /** One bar or slice: a label and a value. */
    public record Point(String label, double value) {
    }

    private final ReviewService service;
    private final Executor ui;
    private final Clock clock;
    private final ZoneId zone;
    private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
    private final ObjectProperty<Dashboard> figures = new SimpleObjectProperty<>(this, "figures");
    private final ObservableList<Point> perDay = FXCollections.observableArrayList();
    private final ObservableList<Point> outcomes = FXCollections.observableArrayList();
    private final ObservableList<Point> blockHoursLeft = FXCollections.observableArrayList();
    private final ObservableList<Point> slaBreaches = FXCollections.observableArrayList();
    private final StringProperty sessions = new SimpleStringProperty(this, "sessions", "–");
    private final StringProperty averageHandling = new SimpleStringProperty(this, "averageHandling", "–");
    private final StringProperty firstContact = new SimpleStringProperty(this, "firstContact", "–");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final AtomicLong generation = new AtomicLong();

    public DashboardViewModel(ReviewService service, Executor ui, Clock clock, ZoneId zone) {
        this.service = service;
        this.ui = ui;
        this.clock = clock;
        this.zone = zone;
    }

    /** The period: the last {@link #daysProperty()} days up to the end of today. */
    public DashboardQuery query() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long to = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long from = today.minusDays(Math.max(1, days.get()) - 1L).atStartOfDay(zone).toInstant().toEpochMilli();
        int offset = zone.getRules().getOffset(clock.instant()).getTotalSeconds() / 60;
        return DashboardQuery.newBuilder().setFromMs(from).setToMs(to).setUtcOffsetMinutes(offset).build();
    }

    public void refresh() {
        long mine = generation.incrementAndGet();
        error.set("");
        service.dashboard(query()).whenComplete((d, failure) -> ui.execute(() -> {
            if (mine != generation.get()) {
                return;
            }
            if (failure != null) {
                error.set(ReviewViewModel.message(failure));
                return;
            }
            show(d);
        }));
    }

    void show(Dashboard d) {
        figures.set(d);
        perDay.setAll(d.getPerDayList().stream().map(x -> new Point(x.getDay().substring(5), x.getSessions())).toList());
        outcomes.setAll(d.getOutcomesList().stream().map(o -> new Point(outcomeLabel(o.getOutcome()), o.getSessions())).toList());
        blockHoursLeft.setAll(d.getOrganisationsList().stream().filter(OrganisationFigures::getBlockHours)
                .map(o -> new Point(o.getName(), o.getBlockMinutesRemaining() / 60.0)).toList());
        slaBreaches.setAll(d.getOrganisationsList().stream().filter(o -> o.getContract().equals("MANAGED_SERVICES")
                || o.getSlaBreaches() > 0).map(o -> new Point(o.getName(), o.getSlaBreaches())).toList());
        sessions.set(Integer.toString(d.getSessions()));
        averageHandling.set(d.getSessions() == 0 ? "–" : minutes(d.getAverageHandlingSeconds()));
        // Of the customers' first sessions in the period, those resolved there (definition: review.proto).
        firstContact.set(d.getFirstContacts() == 0 ? "–"
                : String.format(Locale.ROOT, "%.0f %%", 100.0 * d.getFirstContactResolved() / d.getFirstContacts()));
    }

    static String outcomeLabel(Outcome.Kind kind) {
        return kind == Outcome.Kind.KIND_UNSPECIFIED ? "No report" : ReportExport.outcomeTitle(kind);
    }

    static String minutes(long seconds) {
        return seconds < 3600 ? (seconds + 30) / 60 + " min"
                : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600 + 30) / 60);
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ReadOnlyObjectProperty<Dashboard> figuresProperty() {
        return figures;
    }

    public ObservableList<Point> perDay() {
        return perDay;
    }

    public ObservableList<Point> outcomes() {
        return outcomes;
    }

    public ObservableList<Point> blockHoursLeft() {
        return blockHoursLeft;
    }

    public ObservableList<Point> slaBreaches() {
        return slaBreaches;
    }

    public ReadOnlyStringProperty sessionsProperty() {
        return sessions;
    }

    public ReadOnlyStringProperty averageHandlingProperty() {
        return averageHandling;
    }

    public ReadOnlyStringProperty firstContactProperty() {
        return firstContact;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
