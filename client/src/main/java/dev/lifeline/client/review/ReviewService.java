package dev.lifeline.client.review;

import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import java.util.concurrent.CompletableFuture;

/** What the lead's workspace asks the relay. Futures complete on any thread. */
public interface ReviewService {
    CompletableFuture<SessionPage> sessions(SessionQuery query);

    CompletableFuture<ReportAnswer> report(long supportSessionId);

    CompletableFuture<Dashboard> dashboard(DashboardQuery query);
}
