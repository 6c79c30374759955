package dev.lifeline.client.customer;

import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.DiagnosticsReview;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.diagnostics.ProbeDetails;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Get Help's side of diagnostics: which checks are running for the technician, and — before
 * anything is sent — each result to look at, with a "send" tick the customer can clear to
 * withhold it. Nothing leaves the machine until Send; Don't send discards everything.
 */
public final class DiagnosticsReviewViewModel {

    /** One result in the preview. */
    public static final class Item {
        private final Probe probe;
        private final ProbeStatus status;
        private final String summary;
        private final List<String> lines;
        private final BooleanProperty send = new SimpleBooleanProperty(this, "send", true);

        Item(ProbeResult r) {
            this.probe = r.getProbe();
            this.status = r.getStatus();
            this.summary = r.getSummary();
            this.lines = ProbeDetails.lines(r);
        }

        public Probe probe() {
            return probe;
        }

        public String title() {
            return ProbeCatalogue.title(probe);
        }

        /** What the probe reads, in plain words. */
        public String reads() {
            return ProbeCatalogue.reads(probe);
        }

        public ProbeStatus status() {
            return status;
        }

        public String summary() {
            return summary;
        }

        public List<String> lines() {
            return lines;
        }

        public BooleanProperty sendProperty() {
            return send;
        }
    }

    private final ObjectProperty<DiagnosticsActivity> running = new SimpleObjectProperty<>(this, "running");
    private final ObjectProperty<DiagnosticsReview> review = new SimpleObjectProperty<>(this, "review");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private CustomerSessionHandle handle;

    void attach(CustomerSessionHandle sessionHandle) {
        this.handle = sessionHandle;
    }

    void reset() {
        handle = null;
        running.set(null);
        review.set(null);
        items.clear();
    }

    void progress(DiagnosticsActivity activity) {
        running.set(activity.stage() == Stage.RUNNING ? activity : null);
        if ((activity.stage() == Stage.DECLINED || activity.stage() == Stage.SENT) && review.get() != null
                && review.get().requestId() == activity.requestId()) {
            // Revoked or answered elsewhere: the preview no longer applies.
            review.set(null);
            items.clear();
        }
    }

    void review(DiagnosticsReview ready) {
        items.setAll(ready.results().stream().map(Item::new).toList());
        review.set(ready);
    }

    /** Send: every ticked result; the others go as "withheld" without their data. */
    public void send() {
        DiagnosticsReview r = review.get();
        if (r == null || handle == null) {
            return;
        }
        List<Probe> withheld = items.stream().filter(i -> !i.sendProperty().get()).map(Item::probe).toList();
        handle.sendDiagnostics(r.requestId(), withheld);
        review.set(null);
        items.clear();
    }

    /** Don't send: nothing of this request leaves the machine. */
    public void discard() {
        DiagnosticsReview r = review.get();
        if (r == null || handle == null) {
            return;
        }
        handle.declineDiagnostics(r.requestId());
        review.set(null);
        items.clear();
    }

    /** The checks running now (null when none). */
    public ReadOnlyObjectProperty<DiagnosticsActivity> runningProperty() {
        return running;
    }

    /** Results waiting for the customer's look (null when none). */
    public ReadOnlyObjectProperty<DiagnosticsReview> reviewProperty() {
        return review;
    }

    public ObservableList<Item> items() {
        return items;
    }
}
