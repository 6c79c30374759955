package dev.lifeline.client.console;

import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.session.TechnicianSessionHandle;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A session tab's "Hand over" menu (issue 6): the signed-in technicians it can go to, transfer or
 * invite to watch, the last status, and who watches now (each can be ended). FX thread only.
 */
public final class HandoverViewModel {
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    /** One read-only view, kept: the wrapper listens to the list weakly, so a fresh one per call would lose listeners. */
    private final ObservableList<String> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ObservableList<String> watchers = FXCollections.observableArrayList();
    /** One read-only view, kept: the wrapper listens to the list weakly, so a fresh one per call would lose listeners. */
    private final ObservableList<String> watchersView = FXCollections.unmodifiableObservableList(watchers);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty pending = new SimpleBooleanProperty(this, "pending", false);
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available", false);
    /** A note for the other technician's offer card, typed before choosing whom to hand to. */
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    /** The customer's problem (from the queue or the offer this session came with). */
    private String problem = "";
    private TechnicianSessionHandle handle;
    private List<String> roster = List.of();
    private String me = "";

    void attach(TechnicianSessionHandle session) {
        this.handle = session;
    }

    /** The session is secured (or over): whether handing over makes sense now. */
    void available(boolean value) {
        available.set(value);
        if (!value) {
            pending.set(false);
        }
    }

    /** The team's signed-in technicians (from the team connection) and this technician's own name. */
    public void roster(List<String> technicians, String myName) {
        this.roster = List.copyOf(technicians);
        this.me = myName == null ? "" : myName;
        candidates.setAll(roster.stream().filter(n -> !Objects.equals(n, me)).toList());
    }

    public void transfer(String technician) {
        if (handle != null && available.get() && !pending.get()) {
            pending.set(true);
            handle.handOver(technician, card());
        }
    }

    public void invite(String technician) {
        if (handle != null && available.get()) {
            handle.inviteToWatch(technician, card());
        }
    }

    /** The card's texts for this request; the note is used once. */
    private dev.lifeline.client.handover.HandoverNote card() {
        dev.lifeline.client.handover.HandoverNote card = new dev.lifeline.client.handover.HandoverNote(problem, note.get());
        note.set("");
        return card;
    }

    void problem(String text) {
        problem = text == null ? "" : text;
    }

    /** The note for the next transfer or invitation (at most {@value dev.lifeline.client.handover.HandoverNote#MAX_NOTE} characters are sent). */
    public StringProperty noteProperty() {
        return note;
    }

    public void endWatch(String technician) {
        if (handle != null) {
            handle.endWatch(technician);
        }
    }

    /** From the session (already on the FX thread). */
    void event(HandoverEvent event) {
        status.set(event.describe());
        if (event.kind() == HandoverEvent.Kind.TRANSFER && event.outcome() != HandoverEvent.Outcome.PENDING) {
            pending.set(false);
        }
        if (event.kind() == HandoverEvent.Kind.WATCH) {
            if (event.outcome() == HandoverEvent.Outcome.WATCH_STARTED && !watchers.contains(event.technician())) {
                watchers.add(event.technician());
            } else if (event.outcome() == HandoverEvent.Outcome.WATCH_ENDED) {
                watchers.remove(event.technician());
            }
        }
    }

    /** The customer's word on who watches (authoritative: it holds the channels). */
    void watchers(List<String> names) {
        watchers.setAll(names);
    }

    public ObservableList<String> candidates() {
        return candidatesView;
    }

    public ObservableList<String> watchers() {
        return watchersView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** A transfer waits for the other technician's answer. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }
}
