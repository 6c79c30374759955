package dev.lifeline.client.review;

import dev.lifeline.client.report.ReportDocument;
import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.SessionSort;
import dev.lifeline.common.wire.review.Tristate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lead's sessions list: filters, sorting and paging happen on the relay (one page at a time);
 * the selected session's report is fetched beside it and can be exported. Requests go through
 * {@link ReviewService}; answers come back on {@code ui}, and an answer to a superseded request is
 * dropped, so a slow old search never overwrites a newer one.
 */
public final class ReviewViewModel {
    public static final int PAGE_SIZE = 50;

    /** Export formats of the selected report. */

    /** Opens a session's recording in the player (key file and passphrase asked by the view's side). */
    public interface RecordingOpener {
        void open(SessionRow session);
    }

    private final ReviewService service;
    private final Executor ui;
    private final Executor io;
    private final ZoneId zone;
    private RecordingOpener recordings = s -> { };

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty technician = new SimpleStringProperty(this, "technician", "");
    private final StringProperty organisation = new SimpleStringProperty(this, "organisation", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** Null: any outcome; KIND_UNSPECIFIED: sessions without a report. */
    private final ObjectProperty<Outcome.Kind> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final IntegerProperty minMinutes = new SimpleIntegerProperty(this, "minMinutes", 0);
    private final IntegerProperty maxMinutes = new SimpleIntegerProperty(this, "maxMinutes", 0);
    private final ObjectProperty<Tristate> hadControl = new SimpleObjectProperty<>(this, "hadControl", Tristate.EITHER);
    private final ObjectProperty<Tristate> onsite = new SimpleObjectProperty<>(this, "onsite", Tristate.EITHER);
    private final ObjectProperty<SessionSort> sort = new SimpleObjectProperty<>(this, "sort", SessionSort.SORT_STARTED);
    private final BooleanProperty ascending = new SimpleBooleanProperty(this, "ascending", false);

    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty(this, "total", 0);
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page", 0);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<SessionRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<SessionReport> report = new SimpleObjectProperty<>(this, "report");
    private final StringProperty reportText = new SimpleStringProperty(this, "reportText", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final AtomicLong searchGeneration = new AtomicLong();
    private final AtomicLong reportGeneration = new AtomicLong();

    public ReviewViewModel(ReviewService service, Executor ui, Executor io, ZoneId zone) {
        this.service = service;
        this.ui = ui;
        this.io = io;
        this.zone = zone;
        selected.addListener((obs, old, now) -> loadReport(now));
    }

    public void useRecordingOpener(RecordingOpener opener) {
        this.recordings = opener == null ? s -> { } : opener;
    }

    /** The query for the current filters and page. */
    public SessionQuery query() {
        SessionQuery.Builder q = SessionQuery.newBuilder()
                .setTechnician(technician.get().strip()).setOrganisation(organisation.get().strip())
                .setText(text.get().strip()).setMinDurationSeconds(Math.max(0, minMinutes.get()) * 60)
                .setMaxDurationSeconds(Math.max(0, maxMinutes.get()) * 60).setHadControl(hadControl.get())
                .setOnsiteRecommended(onsite.get()).setSort(sort.get()).setAscending(ascending.get())
                .setOffset(page.get() * PAGE_SIZE).setLimit(PAGE_SIZE);
        if (from.get() != null) {
            q.setFromMs(from.get().atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (to.get() != null) {
            q.setToMs(to.get().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (outcome.get() != null) {
            q.addOutcomes(outcome.get());
        }
        return q.build();
    }

    /** New filters: back to the first page. */
    public void search() {
        page.set(0);
        load();
    }

    public void nextPage() {
        if ((page.get() + 1L) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            load();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            load();
        }
    }

    /** Sorts by {@code by}; the same column again flips the direction. */
    public void sortBy(SessionSort by) {
        if (sort.get() == by) {
            ascending.set(!ascending.get());
        } else {
            sort.set(by);
            ascending.set(by == SessionSort.SORT_TECHNICIAN || by == SessionSort.SORT_ORGANISATION
                    || by == SessionSort.SORT_CUSTOMER || by == SessionSort.SORT_OUTCOME);
        }
        search();
    }

    /** Sorts by {@code by} in the given direction (a column header of the list). */
    public void sortTo(SessionSort by, boolean up) {
        if (sort.get() == by && ascending.get() == up) {
            return;
        }
        sort.set(by);
        ascending.set(up);
        search();
    }

    /** Clears every filter and shows the newest sessions. */
    public void clearFilters() {
        from.set(null);
        to.set(null);
        technician.set("");
        organisation.set("");
        text.set("");
        outcome.set(null);
        minMinutes.set(0);
        maxMinutes.set(0);
        hadControl.set(Tristate.EITHER);
        onsite.set(Tristate.EITHER);
        search();
    }

    /** Reloads the current page. */
    public void load() {
        long generation = searchGeneration.incrementAndGet();
        SessionQuery q;
        try {
            q = query();
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return;
        }
        loading.set(true);
        error.set("");
        service.sessions(q).whenComplete((result, failure) -> ui.execute(() -> {
            if (generation != searchGeneration.get()) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                error.set(message(failure));
                return;
            }
            show(result);
        }));
    }

    private void show(SessionPage result) {
        long keep = selected.get() == null ? -1 : selected.get().getId();
        rows.setAll(result.getRowsList());
        total.set(result.getTotal());
        selected.set(rows.stream().filter(r -> r.getId() == keep).findFirst().orElse(null));
    }

    private void loadReport(SessionRow row) {
        long generation = reportGeneration.incrementAndGet();
        report.set(null);
        reportText.set("");
        if (row == null) {
            return;
        }
        if (!row.getHasReport()) {
            reportText.set("No report was filed for this session.");
            return;
        }
        service.report(row.getId()).whenComplete((answer, failure) -> ui.execute(() -> {
            if (generation != reportGeneration.get()) {
                return;
            }
            if (failure != null) {
                reportText.set("The report could not be loaded: " + message(failure));
                return;
            }
            showReport(answer);
        }));
    }

    private void showReport(ReportAnswer answer) {
        if (!answer.hasReport()) {
            reportText.set("No report was filed for this session.");
            return;
        }
        report.set(answer.getReport());
        reportText.set(ReportExport.markdown(answer.getReport(), zone));
    }

    /** Writes the selected report to {@code file} off the FX thread; {@link #statusProperty()} says how it went. */
    public void export(Path file, ReportDocument format) {
        SessionReport r = report.get();
        if (r == null || file == null) {
            return;
        }
        io.execute(() -> {
            String outcomeMessage;
            try (OutputStream out = Files.newOutputStream(file)) {
                format.write(r, zone, out);
                outcomeMessage = "Exported to " + file.getFileName();
            } catch (IOException | RuntimeException e) {
                outcomeMessage = "Export failed: " + e.getMessage();
            }
            String m = outcomeMessage;
            ui.execute(() -> status.set(m));
        });
    }

    /** Opens the selected session's recording in the player. */
    public void playRecording() {
        SessionRow row = selected.get();
        if (row != null && row.getRecorded()) {
            recordings.open(row);
        }
    }

    /** "Page 2 of 61 (3 004 sessions)". */
    public String pageLabel() {
        long pages = Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
        return String.format(Locale.ROOT, "Page %d of %d (%d sessions)", page.get() + 1, pages, total.get());
    }

    static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return String.valueOf(cause.getMessage());
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty technicianProperty() {
        return technician;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Outcome.Kind> outcomeProperty() {
        return outcome;
    }

    public IntegerProperty minMinutesProperty() {
        return minMinutes;
    }

    public IntegerProperty maxMinutesProperty() {
        return maxMinutes;
    }

    public ObjectProperty<Tristate> hadControlProperty() {
        return hadControl;
    }

    public ObjectProperty<Tristate> onsiteProperty() {
        return onsite;
    }

    public ReadOnlyObjectProperty<SessionSort> sortProperty() {
        return sort;
    }

    public ReadOnlyBooleanProperty ascendingProperty() {
        return ascending;
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<SessionRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<SessionReport> reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty reportTextProperty() {
        return reportText;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
