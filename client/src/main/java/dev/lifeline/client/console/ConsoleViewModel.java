package dev.lifeline.client.console;

import dev.lifeline.client.session.IdentityLoadException;
import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.session.TechnicianIdentities;
import dev.lifeline.common.pairing.InvalidSessionCodeException;
import dev.lifeline.common.pairing.SessionCode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The technician's Console: which identity is loaded, the "Join with code" field, and the open
 * sessions (one tab each). Identity loading runs on {@code taskExecutor}; results and session
 * events come back through {@code uiExecutor}.
 */
public final class ConsoleViewModel {

    /** Why the identity did not load; the first four mirror {@link IdentityLoadException.Problem}. */
    public enum IdentityError { NOT_FOUND, NOT_AN_IDENTITY, WRONG_PASSPHRASE, EXPIRED, UNEXPECTED;

        static IdentityError of(IdentityLoadException.Problem p) {
            return p == null ? UNEXPECTED : valueOf(p.name());
        }
    }

    /** Why the typed code cannot be joined. */
    public enum CodeError { EMPTY, INVALID }

    private final TechnicianIdentities identities;
    private final Executor taskExecutor;
    private final Executor uiExecutor;
    private final Clock clock;

    private final ObjectProperty<LoadedTechnician> technician = new SimpleObjectProperty<>(this, "technician");
    private final ObjectProperty<Path> identityFile = new SimpleObjectProperty<>(this, "identityFile");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final ObjectProperty<IdentityError> identityError = new SimpleObjectProperty<>(this, "identityError");
    private final StringProperty codeInput = new SimpleStringProperty(this, "codeInput", "");
    private final ObjectProperty<CodeError> codeError = new SimpleObjectProperty<>(this, "codeError");
    private final ObservableList<ConsoleSessionViewModel> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ConsoleSessionViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanBinding canJoin;
    /** Where session reports go (issue 5); null: made and shown, not stored. */
    private dev.lifeline.client.report.ReportStore reports;

    public ConsoleViewModel(TechnicianIdentities identities, Executor taskExecutor, Executor uiExecutor, Clock clock) {
        this.identities = Objects.requireNonNull(identities);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.clock = Objects.requireNonNull(clock);
        canJoin = Bindings.createBooleanBinding(() -> technician.get() != null && !loading.get(), technician, loading);
        codeInput.addListener((obs, old, now) -> codeError.set(null));
        // Issue 6: every new session tab, however it was opened, gets the team's roster for "Hand over".
        sessions.addListener((javafx.collections.ListChangeListener<ConsoleSessionViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(s -> s.handover().roster(handoverRoster, handoverMe));
            }
        });
    }

    // ---- Issue 6 (transfer and watch): fed by the Console's team connection (TeamConnection.Listener#roster).
    private java.util.List<String> handoverRoster = java.util.List.of();
    private String handoverMe = "";

    /** The signed-in technicians a session can be handed to (this technician, {@code me}, is left out). FX thread. */
    public void handoverRoster(java.util.List<String> technicians, String me) {
        handoverRoster = java.util.List.copyOf(technicians);
        handoverMe = me == null ? "" : me;
        sessions.forEach(s -> s.handover().roster(handoverRoster, handoverMe));
    }

    public ConsoleViewModel(TechnicianIdentities identities, Executor taskExecutor, Executor uiExecutor) {
        this(identities, taskExecutor, uiExecutor, Clock.systemUTC());
    }

    /**
     * Loads an identity file off the FX thread. The passphrase array is wiped after use.
     * A loaded identity replaces the previous one for new sessions; open sessions keep theirs.
     */
    public void loadIdentity(Path file, char[] passphrase) {
        Objects.requireNonNull(file);
        technicianFromSignIn = false;
        char[] pass = passphrase == null ? new char[0] : passphrase;
        identityFile.set(file);
        identityError.set(null);
        loading.set(true);
        taskExecutor.execute(() -> {
            LoadedTechnician result = null;
            IdentityError error = null;
            try {
                result = identities.load(file, pass);
            } catch (IdentityLoadException e) {
                error = IdentityError.of(e.problem());
            } catch (RuntimeException e) {
                error = IdentityError.UNEXPECTED;
            } finally {
                Arrays.fill(pass, '\0');
            }
            LoadedTechnician loaded = result;
            IdentityError failed = error;
            uiExecutor.execute(() -> {
                loading.set(false);
                if (!file.equals(identityFile.get())) {
                    return; // a newer load superseded this one
                }
                if (loaded != null) {
                    technician.set(loaded);
                    identityError.set(null);
                } else {
                    identityError.set(failed);
                }
            });
        });
    }

    /** A technician that needs no file, e.g. the certificate a sign-in brought (issue 7 / 6). */
    public void useTechnician(LoadedTechnician loaded) {
        identityFile.set(null);
        identityError.set(null);
        technician.set(loaded);
    }

    /** Tries the last chosen file again, e.g. after a wrong passphrase. */
    public void retryLoad(char[] passphrase) {
        Path file = identityFile.get();
        if (file != null) {
            loadIdentity(file, passphrase);
        }
    }

    /** Forget the identity (the "Change…" action shows the load controls again). */
    public void unloadIdentity() {
        technician.set(null);
        identityError.set(null);
    }

    /**
     * Parses the code field and, if valid, opens a session tab and joins. Returns the new session,
     * or null with {@link #codeErrorProperty()} set.
     */
    public ConsoleSessionViewModel join() {
        LoadedTechnician tech = technician.get();
        if (tech == null) {
            return null;
        }
        String typed = codeInput.get() == null ? "" : codeInput.get().strip();
        if (typed.isEmpty()) {
            codeError.set(CodeError.EMPTY);
            return null;
        }
        SessionCode code;
        try {
            code = SessionCode.parse(typed);
        } catch (InvalidSessionCodeException e) {
            codeError.set(CodeError.INVALID);
            return null;
        }
        codeError.set(null);
        codeInput.set("");
        ConsoleSessionViewModel session = new ConsoleSessionViewModel(code, uiExecutor, clock);
        session.control().useSystemKeys(systemKeys);
        sessions.add(session);
        selected.set(session);
        session.reporting(dev.lifeline.common.wire.report.Party.newBuilder().setName(tech.name())
                .setOrganisation(tech.organisation()).build(), reports, taskExecutor);
        session.join(tech.sessions());
        return session;
    }

    // ---- Issue 6: sign-in, queue and accounts (the team side lives in ConsoleTeam) ----

    private ConsoleTeam team;
    private boolean technicianFromSignIn;

    /** Turns on the team side against {@code access} (sign-in screen, queue, accounts); returns it. */
    public ConsoleTeam useTeam(dev.lifeline.client.team.TeamAccess access) {
        team = new ConsoleTeam(this, access, uiExecutor, clock);
        return team;
    }

    /** The team side, or null when this Console only joins by code. */
    public ConsoleTeam team() {
        return team;
    }

    /** Signed in with a certificate from the relay: it replaces any identity file for new sessions. */
    void signedIn(LoadedTechnician certified) {
        useTechnician(certified);
        technicianFromSignIn = true;
    }

    /** Signed out: the certificate of the sign-in is no longer used (an identity file stays). */
    void signedOut() {
        if (technicianFromSignIn) {
            technicianFromSignIn = false;
            technician.set(null);
        }
    }

    /**
     * Opens a session tab that picks {@code customer} from the queue, as the current technician
     * (the sign-in's certificate, or an identity file when the relay keeps its CA offline).
     * Returns null when there is no technician identity to pick with.
     */
    ConsoleSessionViewModel pickFromQueue(dev.lifeline.client.team.WaitingCustomer customer, String sessionToken) {
        LoadedTechnician tech = technician.get();
        if (tech == null) {
            return null;
        }
        ConsoleSessionViewModel session = openTab(new ConsoleSessionViewModel(customer, uiExecutor, clock), tech);
        session.pick(tech.sessions(), new dev.lifeline.client.session.QueueTicket(sessionToken, customer.entryId(), customer.name()));
        return session;
    }

    /**
     * Issue 6: opens the tab of a session another technician offered — handed over (the session
     * moves here) or to watch (view only) — taken on a new connection signed in with
     * {@code sessionToken}, exactly as the headless {@code --take-handover}. Null without an identity.
     */
    ConsoleSessionViewModel takeHandover(dev.lifeline.client.handover.HandoverOfferInfo offer, String sessionToken) {
        LoadedTechnician tech = technician.get();
        if (tech == null) {
            return null;
        }
        ConsoleSessionViewModel session = openTab(new ConsoleSessionViewModel(offer, uiExecutor, clock), tech);
        session.take(tech.sessions(), new dev.lifeline.client.handover.HandoverTicket(sessionToken, offer.offerId(), offer.kind()));
        return session;
    }

    /** A new tab in front, with system keys and reports as {@code tech}. */
    private ConsoleSessionViewModel openTab(ConsoleSessionViewModel session, LoadedTechnician tech) {
        session.control().useSystemKeys(systemKeys);
        sessions.add(session);
        selected.set(session);
        session.reporting(dev.lifeline.common.wire.report.Party.newBuilder().setName(tech.name())
                .setOrganisation(tech.organisation()).build(), reports, taskExecutor);
        return session;
    }

    /** How the app captures Alt+Tab and the Windows key for remote control (none by default). */
    public void useSystemKeys(dev.lifeline.client.control.SystemKeyCapture capture) {
        systemKeys = capture == null ? dev.lifeline.client.control.SystemKeyCapture.NONE : capture;
    }

    private dev.lifeline.client.control.SystemKeyCapture systemKeys = dev.lifeline.client.control.SystemKeyCapture.NONE;

    /** Closing a tab: ends the session if it still runs, then forgets it. */
    public void close(ConsoleSessionViewModel session) {
        session.endSession();
        sessions.remove(session);
        if (selected.get() == session) {
            selected.set(sessions.isEmpty() ? null : sessions.get(sessions.size() - 1));
        }
    }

    /** Ends every running session, e.g. when the window closes. */
    public void endAll() {
        for (ConsoleSessionViewModel s : sessions) {
            s.endSession();
        }
    }

    /** Issue 7: the lead's review workspace, shown as a "Review" tab; null for technicians and before sign-in. */
    private final ObjectProperty<dev.lifeline.client.review.ReviewWorkspace> review = new SimpleObjectProperty<>(this, "review");

    /** Shows (or, with null, removes) the lead's review workspace. */
    public void showReview(dev.lifeline.client.review.ReviewWorkspace workspace) {
        review.set(workspace);
    }

    public ReadOnlyObjectProperty<dev.lifeline.client.review.ReviewWorkspace> reviewProperty() {
        return review;
    }

    /** Keeps every session report here from now on (the Console's data folder, or the relay later). */
    /** After a sign-in: what filing the reports kept on this computer came to (null: nothing to say). */
    private final javafx.beans.property.ObjectProperty<dev.lifeline.client.report.RelayReportStore.Upload> reportUpload =
            new javafx.beans.property.SimpleObjectProperty<>(this, "reportUpload");

    public javafx.beans.property.ReadOnlyObjectProperty<dev.lifeline.client.report.RelayReportStore.Upload> reportUploadProperty() {
        return reportUpload;
    }

    /** Call on the FX thread with the result of {@link dev.lifeline.client.report.RelayReportStore#fileUnfiled()}. */
    public void reportsUploaded(dev.lifeline.client.report.RelayReportStore.Upload upload) {
        reportUpload.set(upload == null || !upload.worthSaying() ? null : upload);
    }

    public void setReports(dev.lifeline.client.report.ReportStore store) {
        this.reports = store;
    }

    public ReadOnlyObjectProperty<LoadedTechnician> technicianProperty() {
        return technician;
    }

    public ReadOnlyObjectProperty<Path> identityFileProperty() {
        return identityFile;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<IdentityError> identityErrorProperty() {
        return identityError;
    }

    public StringProperty codeInputProperty() {
        return codeInput;
    }

    public ReadOnlyObjectProperty<CodeError> codeErrorProperty() {
        return codeError;
    }

    public BooleanBinding canJoin() {
        return canJoin;
    }

    public ObservableList<ConsoleSessionViewModel> sessions() {
        return sessions;
    }

    public ObjectProperty<ConsoleSessionViewModel> selectedProperty() {
        return selected;
    }
}
