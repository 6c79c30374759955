package dev.lifeline.client.app;

import dev.lifeline.client.customer.GetHelpView;
import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.theme.Theme;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Puts the Get Help window on a stage. The launcher supplies the real services. */
public final class GetHelpApp {
    public static final double WIDTH = 440;
    public static final double HEIGHT = 640;

    /** Installer branding (organisation bundle): product name and logo, set before the window opens. */
    private record Branding(String productName, byte[] logoPng) {
    }

    private static final AtomicReference<Branding> BRANDING = new AtomicReference<>();

    private GetHelpApp() {
    }

    /** Shows {@code productName} (and the PNG {@code logoPng}, if any) instead of Lifeline's name and icon. */
    public static void useBranding(String productName, byte[] logoPng) {
        BRANDING.set(new Branding(productName, logoPng));
    }

    /** Shows Get Help in {@code locale} (null: the system locale). Call on the FX thread. */
    public static GetHelpViewModel show(Stage stage, CustomerSessions sessions, Locale locale) {
        return show(stage, sessions, locale, null);
    }

    /**
     * As {@link #show(Stage, CustomerSessions, Locale)}, naming the organisation whose root this
     * app pins so the red warning can say whom the technician failed to prove membership of.
     */
    public static GetHelpViewModel show(Stage stage, CustomerSessions sessions, Locale locale, String pinnedOrganisation) {
        Messages messages = new Messages(locale == null ? Locale.getDefault() : locale);
        GetHelpViewModel vm = new GetHelpViewModel(sessions, Platform::runLater, Clock.systemUTC(), pinnedOrganisation);
        stage.setScene(createScene(vm, messages));
        stage.titleProperty().bind(messages.text("gethelp.windowTitle"));
        Branding branding = BRANDING.get();
        if (branding != null) {
            Image logo = branding.logoPng() == null ? null : new Image(new ByteArrayInputStream(branding.logoPng()));
            stage.titleProperty().unbind();
            stage.setTitle(branding.productName());
            if (logo != null && !logo.isError()) {
                stage.getIcons().setAll(logo);
            }
            ((GetHelpView) stage.getScene().getRoot()).brand(branding.productName(), logo == null || logo.isError() ? null : logo);
        }
        stage.setMinWidth(380);
        stage.setMinHeight(560);
        stage.setOnHidden(e -> vm.endSession());
        stage.show();
        return vm;
    }

    /** The themed scene alone, for tests and embedding. */
    public static Scene createScene(GetHelpViewModel vm, Messages messages) {
        Scene scene = new Scene(new GetHelpView(vm, messages), WIDTH, HEIGHT);
        Theme.apply(scene);
        return scene;
    }
}
