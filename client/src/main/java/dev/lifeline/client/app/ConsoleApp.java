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
        return show(stage, identities, identityToPreloadOrNull, locale, null);
    }

    /**
     * Issue 6: the Console against a team server. With {@code user} set it signs in at once (the
     * demo); otherwise it asks the relay whether it has accounts and shows the sign-in screen if so.
     */
    public record TeamStart(dev.lifeline.client.team.TeamAccess access, String user, char[] password) {
    }

    /** As above; {@code teamOrNull} adds sign-in, the live queue and account management. */
    public static ConsoleViewModel show(Stage stage, TechnicianIdentities identities, Path identityToPreloadOrNull,
            Locale locale, TeamStart teamOrNull) {
        Messages messages = new Messages(locale == null ? Locale.getDefault() : locale);
        ExecutorService tasks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-tasks");
            t.setDaemon(true);
            return t;
        });
        ConsoleViewModel vm = new ConsoleViewModel(identities, tasks, Platform::runLater, Clock.systemUTC());
        vm.setReports(new dev.lifeline.client.report.FileReportStore(dev.lifeline.client.report.FileReportStore.defaultDir(),
                java.time.ZoneId.systemDefault()));
        if (teamOrNull != null) {
            vm.useTeam(teamOrNull.access());
        }
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
        if (teamOrNull != null) {
            var signIn = vm.team().signIn();
            if (teamOrNull.access() instanceof dev.lifeline.client.team.RelayTeam relayTeam) {
                // Issue 7 on a sign-in from this screen: reports filed on the relay, the Review tab for leads.
                var client = relayTeam.client();
                signIn.signedInProperty().addListener((obs, was, who) -> {
                    if (who != null) {
                        SignedInConsole.apply(vm, who, signIn::sessionToken, client.endpoint(), client.group(), tasks,
                                messages.locale(), () -> stage);
                    } else {
                        vm.showReview(null);
                        vm.setReports(new dev.lifeline.client.report.FileReportStore(
                                dev.lifeline.client.report.FileReportStore.defaultDir(), java.time.ZoneId.systemDefault()));
                    }
                });
            }
            if (teamOrNull.user() != null) {
                signIn.assumeTeamServer();
                signIn.nameProperty().set(teamOrNull.user());
                signIn.passwordProperty().set(new String(teamOrNull.password()));
                signIn.signIn();
            } else {
                signIn.check();
            }
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
