package dev.lifeline.client.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.common.screen.Quality;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(Locale locale) throws IOException {
        String name = "messages" + (locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage()) + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertNotNull(in, "bundle file " + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyBundleHasEveryKeyWithMatchingPlaceholders() throws IOException {
        Properties english = load(Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (Locale locale : Messages.SUPPORTED) {
            Properties p = load(locale);
            for (String key : english.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value == null || value.isBlank()) {
                    problems.add(locale + ": missing or empty " + key);
                } else if (!placeholders(value).equals(placeholders(english.getProperty(key)))) {
                    problems.add(locale + ": placeholders differ in " + key);
                }
            }
            for (String key : p.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(locale + ": key not in English bundle " + key);
                }
                String value = p.getProperty(key);
                if (value.indexOf('\'') >= 0) {
                    problems.add(locale + ": ASCII apostrophe (MessageFormat eats it, write ’) in " + key);
                }
                try {
                    new MessageFormat(value, locale);
                } catch (IllegalArgumentException e) {
                    problems.add(locale + ": bad MessageFormat in " + key);
                }
                if (value.contains("\uFFFD")) {
                    problems.add(locale + ": not UTF-8 in " + key);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyEnumThatTheViewsTranslateHasAKey() throws IOException {
        Properties english = load(Locale.ENGLISH);
        for (SessionEnd.Reason r : SessionEnd.Reason.values()) {
            assertTrue(english.containsKey("end.customer." + r.name()), r.name());
            assertTrue(english.containsKey("end.console." + r.name()), r.name());
        }
        for (ConsoleViewModel.IdentityError e : ConsoleViewModel.IdentityError.values()) {
            assertTrue(english.containsKey("console.identity.error." + e.name()), e.name());
        }
        for (ConsoleViewModel.CodeError e : ConsoleViewModel.CodeError.values()) {
            assertTrue(english.containsKey("console.join.error." + e.name()), e.name());
        }
        for (Quality q : Quality.values()) {
            assertTrue(english.containsKey("console.screen.quality." + q.name()), q.name());
            assertTrue(english.containsKey("console.screen.quality." + q.name() + ".tooltip"), q.name());
        }
    }

    @Test
    void bundlesAreReadAsUtf8AndSwitchLive() {
        Messages m = new Messages(Locale.ENGLISH);
        SimpleIntegerProperty left = new SimpleIntegerProperty(2);
        StringBinding text = m.text("gethelp.wrongCode.text", left);
        assertTrue(text.get().contains("2"), text.get());
        StringBinding end = m.text("session.end");
        assertEquals("End session", end.get());
        m.localeProperty().set(Locale.GERMAN);
        assertEquals("Sitzung beenden", end.get());
        assertEquals("Ende-zu-Ende-verschlüsselt", m.get("session.e2e"));
        left.set(1);
        assertTrue(text.get().startsWith("Verbleibende"), text.get());
        assertTrue(text.get().contains("1"), text.get());
        m.localeProperty().set(new Locale("ro"));
        assertEquals("Încheie sesiunea", end.get());
    }

    @Test
    void systemLocalePicksALanguageWeSpeakOrEnglish() {
        assertEquals(Locale.GERMAN, Messages.supported(Locale.GERMANY));
        assertEquals("nl", Messages.supported(new Locale("nl", "BE")).getLanguage());
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.JAPAN));
        assertEquals(Locale.ENGLISH, Messages.supported(null));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertEquals("Language", Messages.forSystemLocale().get("language.label"),
                    "English, not the default locale's fallback");
        } finally {
            Locale.setDefault(before);
        }
        assertFalse(Messages.nativeName(new Locale("es")).isEmpty());
        assertEquals("Deutsch", Messages.nativeName(Locale.GERMAN));
    }
}
