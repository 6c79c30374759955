package dev.lifeline.client.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The UI texts of one window in the language the user picked. Texts are bound through
 * {@link #text(String, Object...)}, so switching {@link #localeProperty()} updates every label live.
 * Bundle values never contain an ASCII apostrophe (we write ’), so MessageFormat needs no escaping.
 */
public final class Messages {
    public static final String BUNDLE = "dev.lifeline.client.i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(
            Locale.ENGLISH, Locale.GERMAN, new Locale("es"), new Locale("nl"), new Locale("ro"));

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");

    public Messages(Locale initial) {
        locale.set(supported(initial));
        locale.addListener((obs, old, now) -> {
            if (now == null || !SUPPORTED.contains(now)) {
                locale.set(supported(now));
            }
        });
    }

    /** The system locale's language when we speak it, English otherwise. */
    public static Messages forSystemLocale() {
        return new Messages(Locale.getDefault());
    }

    /** The supported locale with the same language as {@code wanted}, or English. */
    public static Locale supported(Locale wanted) {
        if (wanted != null) {
            for (Locale l : SUPPORTED) {
                if (l.getLanguage().equals(wanted.getLanguage())) {
                    return l;
                }
            }
        }
        return Locale.ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale l = supported(locale);
        return ResourceBundle.getBundle(BUNDLE, l.equals(Locale.ENGLISH) ? Locale.ROOT : l, NO_FALLBACK);
    }

    /** A language's own name, capitalised: "Deutsch", "Español", "Română". */
    public static String nativeName(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.getLanguage() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text now; arguments are formatted with MessageFormat in the current locale. */
    public String get(String key, Object... args) {
        String pattern = bundle(locale.get()).getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof ObservableValue<?> o ? o.getValue() : args[i];
        }
        return new MessageFormat(pattern, locale.get()).format(values);
    }

    /**
     * A live text: recomputed when the language changes or when any argument that is an
     * {@link ObservableValue} changes.
     */
    public StringBinding text(String key, Object... args) {
        Objects.requireNonNull(key);
        List<Observable> deps = new ArrayList<>();
        deps.add(locale);
        for (Object a : args) {
            if (a instanceof Observable o) {
                deps.add(o);
            }
        }
        return Bindings.createStringBinding(() -> get(key, args), deps.toArray(Observable[]::new));
    }
}
