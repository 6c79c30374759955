package dev.lifeline.client.theme;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer Light plus our own small stylesheet. Call on the FX thread. */
public final class Theme {
    public static final String STYLESHEET =
            Objects.requireNonNull(Theme.class.getResource("lifeline.css"), "lifeline.css").toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }
}
