package dev.lifeline.client.app;

import dev.lifeline.client.console.ConsoleView;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.TechnicianIdentities;
import dev.lifeline.client.theme.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the Console window on a stage. The launcher supplies the real services. */
public final class ConsoleApp {
    public static final double WIDTH = 1000;
    public static final double HEIGHT = 700;

    private ConsoleApp() {
    }

    /**
     * Shows the Console in {@code locale} (null: the system locale). When
     * {@code identityToPreloadOrNull} is given it is loaded at once with an empty passphrase; if it
     * needs one, the window asks for it. Call on the FX thread.
     */
    public static ConsoleViewModel show(Stage stage, TechnicianIdentities identities, Path identityToPreloadOrNull,
            Locale locale) {
        Messages messages = new Messages(locale == null ? Locale.getDefault() : locale);
        ExecutorService tasks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-tasks");
            t.setDaemon(true);
            return t;
        });
        ConsoleViewModel vm = new ConsoleViewModel(identities, tasks, Platform::runLater, Clock.systemUTC());
        vm.setReports(new dev.lifeline.client.report.FileReportStore(dev.lifeline.client.report.FileReportStore.defaultDir(),
                java.time.ZoneId.systemDefault()));
        stage.setScene(createScene(vm, messages));
        stage.titleProperty().bind(messages.text("console.windowTitle"));
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> {
            vm.endAll();
            tasks.shutdown();
        });
        stage.show();
        if (identityToPreloadOrNull != null) {
            vm.loadIdentity(identityToPreloadOrNull, new char[0]);
        }
        return vm;
    }

    /** The themed scene alone, for tests and embedding. */
    public static Scene createScene(ConsoleViewModel vm, Messages messages) {
        Scene scene = new Scene(new ConsoleView(vm, messages), WIDTH, HEIGHT);
        Theme.apply(scene);
        return scene;
    }
}
