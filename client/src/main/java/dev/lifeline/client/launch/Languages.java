package dev.lifeline.client.launch;

import java.util.Locale;

/** The --lang option: a language tag, or the system's language when absent. */
final class Languages {
    private Languages() {
    }

    static Locale locale(String language) {
        return language == null || language.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(language);
    }
}
