package dev.lifeline.client.queue;

import dev.lifeline.client.team.WaitingCustomer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Console's live queue: the waiting customers from the relay's last {@code QueueSnapshot},
 * their waiting time ticking on the relay's clock, and "Take". Taking hands the entry to the
 * Console (which opens the session tab); a lost race comes back as {@link #lost}. FX thread only.
 */
public final class QueueViewModel {
    /** A note above the table; the customer's name goes with it. */
    public enum Notice { TAKEN_BY_ANOTHER, NOT_CONNECTED, NEED_IDENTITY }

    private final Clock clock;
    private final Consumer<WaitingCustomer> taker;
    private final ObservableList<WaitingCustomer> waiting = FXCollections.observableArrayList();
    /** The relay's time now, as far as we can tell: our clock plus the offset of the last snapshot. */
    private final LongProperty now = new SimpleLongProperty(this, "now");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>(this, "notice");
    private final ObjectProperty<WaitingCustomer> noticeAbout = new SimpleObjectProperty<>(this, "noticeAbout");
    private final ObjectProperty<WaitingCustomer> selected = new SimpleObjectProperty<>(this, "selected");
    private long offsetMs;
    /** Filter (issue 6): free text over name, problem, contact and organisation; and one organisation or all. */
    private final javafx.beans.property.StringProperty filter = new javafx.beans.property.SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<String> organisation = new SimpleObjectProperty<>(this, "organisation");
    private final ObservableList<String> organisations = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<WaitingCustomer> shown = new javafx.collections.transformation.FilteredList<>(waiting);
    /** Customers who came while the queue was not in front: the tab shows how many. */
    private final javafx.beans.property.IntegerProperty newWaiting = new javafx.beans.property.SimpleIntegerProperty(this, "newWaiting");
    private final java.util.Set<Long> seen = new java.util.HashSet<>();
    private boolean inFront = true;

    /** @param taker opens the session for a taken entry (the Console's pick) */
    public QueueViewModel(Clock clock, Consumer<WaitingCustomer> taker) {
        this.clock = Objects.requireNonNull(clock);
        this.taker = Objects.requireNonNull(taker);
        now.set(clock.millis());
        filter.addListener((o, a, b) -> refilter());
        organisation.addListener((o, a, b) -> refilter());
    }

    private void refilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(java.util.Locale.ROOT);
        String org = organisation.get();
        shown.setPredicate(c -> (org == null || org.equals(c.organisation()))
                && (text.isEmpty() || (c.name() + "\n" + c.problem() + "\n" + c.contact() + "\n" + c.organisation())
                        .toLowerCase(java.util.Locale.ROOT).contains(text)));
    }

    /** Whether the queue is in front (its tab selected): in front, new customers count as seen. */
    public void inFront(boolean front) {
        inFront = front;
        if (front) {
            newWaiting.set(0);
        }
    }

    /** A new snapshot from the relay (oldest first). */
    public void update(List<WaitingCustomer> snapshot, long relayTimeMs) {
        offsetMs = relayTimeMs > 0 ? relayTimeMs - clock.millis() : 0;
        WaitingCustomer chosen = selected.get();
        waiting.setAll(snapshot);
        selected.set(chosen == null ? null : snapshot.stream().filter(c -> c.entryId() == chosen.entryId())
                .findFirst().orElse(null));
        java.util.Set<Long> ids = new java.util.HashSet<>();
        int arrived = 0;
        for (WaitingCustomer c : snapshot) {
            ids.add(c.entryId());
            if (seen.add(c.entryId())) {
                arrived++;
            }
        }
        seen.retainAll(ids);
        newWaiting.set(inFront ? 0 : Math.min(newWaiting.get() + arrived, snapshot.size()));
        String chosenOrg = organisation.get();
        organisations.setAll(snapshot.stream().map(WaitingCustomer::organisation).filter(o -> !o.isEmpty())
                .distinct().sorted().toList());
        if (chosenOrg != null && !organisations.contains(chosenOrg)) {
            organisations.add(chosenOrg); // keep the chosen filter even when nobody of it waits now
        }
        tick();
    }

    /** Moves the waiting times on (the view calls this every second). */
    public void tick() {
        now.set(clock.millis() + offsetMs);
    }

    /** Signed out: the queue is no longer known. */
    public void clear() {
        waiting.clear();
        seen.clear();
        newWaiting.set(0);
        selected.set(null);
        notice.set(null);
        noticeAbout.set(null);
    }

    /**
     * "Take": asks the Console to pick {@code customer}. A customer whose app is reconnecting
     * cannot be picked now; that is said instead.
     */
    public void take(WaitingCustomer customer) {
        if (customer == null) {
            return;
        }
        if (!customer.connected()) {
            show(Notice.NOT_CONNECTED, customer);
            return;
        }
        notice.set(null);
        noticeAbout.set(null);
        taker.accept(customer);
    }

    /** The pick lost the race: say so and drop the entry until the next snapshot confirms. */
    public void lost(WaitingCustomer customer) {
        waiting.removeIf(c -> c.entryId() == customer.entryId());
        show(Notice.TAKEN_BY_ANOTHER, customer);
    }

    /** Signed in without a certificate (offline CA) and no identity file loaded: cannot pick. */
    public void needIdentity(WaitingCustomer customer) {
        show(Notice.NEED_IDENTITY, customer);
    }

    public void dismissNotice() {
        notice.set(null);
        noticeAbout.set(null);
    }

    private void show(Notice what, WaitingCustomer about) {
        noticeAbout.set(about);
        notice.set(what);
    }

    /** How long {@code customer} has been waiting at {@code nowMs}. */
    public static long waitingMs(WaitingCustomer customer, long nowMs) {
        return Math.max(0, nowMs - customer.submittedAtMs());
    }

    /** "0:42", "12:05", "1:02:09": compact and ticking. */
    public static String formatWaiting(long ms) {
        long s = ms / 1000;
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(java.util.Locale.ROOT, "%d:%02d", m, sec);
    }

    /** Block hours in a short form: "6.5", "10", "-0.5". */
    public static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }

    /** What the balance column says, as a message key; null when the contract has no block. */
    public static String balanceKey(WaitingCustomer c) {
        if (!c.blockHours()) {
            return null;
        }
        return c.exhausted() ? "queue.balance.exhausted" : c.lowBalance() ? "queue.balance.low" : "queue.balance.ok";
    }

    public ObservableList<WaitingCustomer> waiting() {
        return waiting;
    }

    /** The waiting customers the filter lets through (what the table shows). */
    public ObservableList<WaitingCustomer> shown() {
        return shown;
    }

    public javafx.beans.property.StringProperty filterProperty() {
        return filter;
    }

    /** One organisation, or null for all. */
    public ObjectProperty<String> organisationProperty() {
        return organisation;
    }

    /** The organisations of the customers waiting now (for the filter's choices). */
    public ObservableList<String> organisations() {
        return organisations;
    }

    /** Customers who came while the queue was not in front (0 once it is). */
    public javafx.beans.property.ReadOnlyIntegerProperty newWaitingProperty() {
        return newWaiting;
    }

    public ReadOnlyLongProperty nowProperty() {
        return now;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ReadOnlyObjectProperty<WaitingCustomer> noticeAboutProperty() {
        return noticeAbout;
    }

    public ObjectProperty<WaitingCustomer> selectedProperty() {
        return selected;
    }
}
