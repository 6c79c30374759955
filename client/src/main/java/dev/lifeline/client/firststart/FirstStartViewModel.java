package dev.lifeline.client.firststart;

import dev.lifeline.client.connection.RelayEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * First start of a Get Help built without an organisation bundle: the customer types the relay
 * address their support organisation gave them (and, for a self-signed relay, its fingerprint);
 * it is checked, saved to the configuration folder and handed on.
 */
public final class FirstStartViewModel {
    /** What is wrong with the input, for the view to say in the user's language. */
    public enum Problem { NONE, ADDRESS_MISSING, ADDRESS_INVALID, FINGERPRINT_INVALID, SAVE_FAILED }

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty fingerprint = new SimpleStringProperty(this, "fingerprint", "");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem", Problem.NONE);
    private final Path configDir;
    private final Consumer<RelayEndpoint> onSaved;

    public FirstStartViewModel(Path configDir, Consumer<RelayEndpoint> onSaved) {
        this.configDir = configDir;
        this.onSaved = onSaved;
        // A complaint is about what was typed: it goes as soon as the text changes.
        address.addListener((obs, old, now) -> problem.set(Problem.NONE));
        fingerprint.addListener((obs, old, now) -> problem.set(Problem.NONE));
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** Checks and saves the input; on success hands the endpoint on and returns true. */
    public boolean connect() {
        String a = address.get() == null ? "" : address.get().strip();
        String f = fingerprint.get() == null ? "" : fingerprint.get().strip();
        if (a.isEmpty()) {
            problem.set(Problem.ADDRESS_MISSING);
            return false;
        }
        if (!f.isEmpty() && !f.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            problem.set(Problem.FINGERPRINT_INVALID);
            return false;
        }
        SavedRelay saved = new SavedRelay(a, f.isEmpty() ? null : f.replace(" ", ""));
        RelayEndpoint endpoint;
        try {
            endpoint = saved.endpoint();
        } catch (IllegalArgumentException e) {
            problem.set(Problem.ADDRESS_INVALID);
            return false;
        }
        try {
            saved.save(configDir);
        } catch (IOException e) {
            problem.set(Problem.SAVE_FAILED);
            return false;
        }
        problem.set(Problem.NONE);
        onSaved.accept(endpoint);
        return true;
    }
}
