package dev.lifeline.client.review;

import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records what the workspace asks and answers when the test says so. */
final class FakeReviewService implements ReviewService {
    final List<SessionQuery> queries = new ArrayList<>();
    final List<CompletableFuture<SessionPage>> pages = new ArrayList<>();
    final List<Long> reportsAsked = new ArrayList<>();
    final List<CompletableFuture<ReportAnswer>> reports = new ArrayList<>();
    final List<DashboardQuery> dashboardQueries = new ArrayList<>();
    final List<CompletableFuture<Dashboard>> dashboards = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<SessionPage> sessions(SessionQuery query) {
        queries.add(query);
        CompletableFuture<SessionPage> f = new CompletableFuture<>();
        pages.add(f);
        return f;
    }

    @Override
    public synchronized CompletableFuture<ReportAnswer> report(long supportSessionId) {
        reportsAsked.add(supportSessionId);
        CompletableFuture<ReportAnswer> f = new CompletableFuture<>();
        reports.add(f);
        return f;
    }

    @Override
    public synchronized CompletableFuture<Dashboard> dashboard(DashboardQuery query) {
        dashboardQueries.add(query);
        CompletableFuture<Dashboard> f = new CompletableFuture<>();
        dashboards.add(f);
        return f;
    }

    synchronized SessionQuery lastQuery() {
        return queries.get(queries.size() - 1);
    }

    synchronized CompletableFuture<SessionPage> lastPage() {
        return pages.get(pages.size() - 1);
    }
}
