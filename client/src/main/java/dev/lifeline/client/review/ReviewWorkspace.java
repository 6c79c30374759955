package dev.lifeline.client.review;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.team.SignedInTechnician;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The lead's workspace in the Console: the sessions list with its report beside it, and the
 * dashboard. Only for accounts with the lead or admin role (the relay refuses everyone else too).
 */
public record ReviewWorkspace(ReviewViewModel sessions, DashboardViewModel dashboard) {

    /** Whether {@code role} may review sessions. */
    public static boolean mayReview(String role) {
        return "lead".equals(role) || "admin".equals(role);
    }

    /** The workspace of a signed-in lead or admin, over its own connection to the relay; empty for technicians. */
    public static Optional<ReviewWorkspace> forSignedIn(SignedInTechnician who, RelayEndpoint endpoint, EventLoopGroup group,
                                                        Executor ui, Executor io, Clock clock, ZoneId zone) {
        return forSignedIn(who, who == null ? () -> "" : who::sessionToken, endpoint, group, ui, io, clock, zone);
    }

    /**
     * As above, connecting with the token {@code currentToken} gives at that moment: the sign-in
     * renews its token before expiry, so a lead who reviews for hours never holds a dead one.
     */
    public static Optional<ReviewWorkspace> forSignedIn(SignedInTechnician who, java.util.function.Supplier<String> currentToken,
                                                        RelayEndpoint endpoint, EventLoopGroup group,
                                                        Executor ui, Executor io, Clock clock, ZoneId zone) {
        if (who == null || !mayReview(who.role())) {
            return Optional.empty();
        }
        ReviewService service = new RelayReviewService(group, endpoint, currentToken);
        return Optional.of(new ReviewWorkspace(new ReviewViewModel(service, ui, io, zone),
                new DashboardViewModel(service, ui, clock, zone)));
    }
}
