package dev.lifeline.client.review;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.team.TeamRequests;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.ReportQuery;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The review requests over one connection to the relay, signed in with the lead's session token.
 * The connection is opened on first use and again after it dropped.
 */
public final class RelayReviewService implements ReviewService, AutoCloseable {
    private final EventLoopGroup group;
    private final RelayEndpoint endpoint;
    private final Supplier<String> sessionToken;
    private CompletableFuture<TeamRequests> connection;

    public RelayReviewService(EventLoopGroup group, RelayEndpoint endpoint, Supplier<String> sessionToken) {
        this.group = group;
        this.endpoint = endpoint;
        this.sessionToken = sessionToken;
    }

    @Override
    public CompletableFuture<SessionPage> sessions(SessionQuery query) {
        return ask(RelayFrame.newBuilder().setSessionQuery(query).build(), f -> f.hasSessionPage() ? f.getSessionPage() : null);
    }

    @Override
    public CompletableFuture<ReportAnswer> report(long supportSessionId) {
        return ask(RelayFrame.newBuilder().setReportQuery(ReportQuery.newBuilder().setSupportSessionId(supportSessionId)).build(),
                f -> f.hasReportAnswer() ? f.getReportAnswer() : null);
    }

    @Override
    public CompletableFuture<Dashboard> dashboard(DashboardQuery query) {
        return ask(RelayFrame.newBuilder().setDashboardQuery(query).build(), f -> f.hasDashboard() ? f.getDashboard() : null);
    }

    private <T> CompletableFuture<T> ask(RelayFrame request, Function<RelayFrame, T> answer) {
        return connection().thenCompose(c -> c.request(request)).thenApply(frame -> {
            T value = answer.apply(frame);
            if (value == null) {
                throw new TeamRequests.RequestFailedException(ErrorCode.UNEXPECTED_FRAME, "unexpected answer " + frame.getBodyCase());
            }
            return value;
        }).whenComplete((ok, failure) -> {
            if (failure != null && isConnectionLoss(failure)) {
                reset();
            }
        });
    }

    private synchronized CompletableFuture<TeamRequests> connection() {
        if (connection == null || connection.isCompletedExceptionally()) {
            connection = TeamRequests.open(group.next(), endpoint, sessionToken.get());
        }
        return connection;
    }

    private synchronized void reset() {
        CompletableFuture<TeamRequests> old = connection;
        connection = null;
        if (old != null) {
            old.thenAccept(TeamRequests::close);
        }
    }

    private static boolean isConnectionLoss(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return !(cause instanceof TeamRequests.RequestFailedException r) || r.code() == ErrorCode.PEER_GONE
                || r.code() == ErrorCode.ERROR_CODE_UNSPECIFIED;
    }

    @Override
    public void close() {
        reset();
    }
}
