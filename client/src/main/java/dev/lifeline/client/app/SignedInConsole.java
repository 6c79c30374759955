package dev.lifeline.client.app;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.report.FileReportStore;
import dev.lifeline.client.report.RelayReportStore;
import dev.lifeline.client.review.ReviewWorkspace;
import dev.lifeline.client.team.SignedInTechnician;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * What signing in changes in the Console window (issue 7): session reports are also filed on the
 * relay (the local copy stays), reports kept on this computer before are filed now, and leads and
 * admins get the "Review" tab. Call on the FX thread
 * after a sign-in; the sign-in screen or the launcher owns the sign-in itself.
 */
public final class SignedInConsole {
    private SignedInConsole() {
    }

    public static void apply(ConsoleViewModel console, SignedInTechnician who, RelayEndpoint endpoint, EventLoopGroup group,
                             Executor io, Locale locale, Supplier<Window> owner) {
        apply(console, who, who::sessionToken, endpoint, group, io, locale, owner);
    }

    /** As above; reports are filed with the token {@code currentToken} gives then (the sign-in renews it). */
    public static void apply(ConsoleViewModel console, SignedInTechnician who, Supplier<String> currentToken,
                             RelayEndpoint endpoint, EventLoopGroup group, Executor io, Locale locale, Supplier<Window> owner) {
        ZoneId zone = ZoneId.systemDefault();
        RelayReportStore reports = new RelayReportStore(new FileReportStore(FileReportStore.defaultDir(), zone), endpoint,
                currentToken);
        console.setReports(reports);
        // Reports kept on this computer while not signed in (or while the relay was away) go to the team's records now.
        io.execute(() -> {
            RelayReportStore.Upload upload = reports.fileUnfiled();
            Platform.runLater(() -> console.reportsUploaded(upload));
        });
        ReviewWorkspace.forSignedIn(who, currentToken, endpoint, group, Platform::runLater, io, Clock.systemUTC(), zone)
                .ifPresentOrElse(workspace -> {
                    workspace.sessions().useRecordingOpener(new ReviewPlayer(endpoint, io, locale, owner));
                    console.showReview(workspace);
                }, () -> console.showReview(null));
    }
}
