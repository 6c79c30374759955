package dev.lifeline.client.i18n;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** The language switch shown in both windows; each language is named in itself. */
public final class LanguagePicker extends ComboBox<Locale> {

    public LanguagePicker(Messages messages) {
        getItems().setAll(Messages.SUPPORTED);
        valueProperty().bindBidirectional(messages.localeProperty());
        setCellFactory(list -> new NameCell());
        setButtonCell(new NameCell());
        getStyleClass().add("language-picker");
        setId("languagePicker");
        accessibleTextProperty().bind(messages.text("language.label"));
    }

    private static final class NameCell extends ListCell<Locale> {
        @Override
        protected void updateItem(Locale item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Messages.nativeName(item));
        }
    }
}
