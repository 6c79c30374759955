package dev.lifeline.client.review;

import java.time.ZoneId;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Console's "Review" tab for leads: the sessions list and the dashboard. */
public final class ReviewWorkspaceView extends TabPane {
    public ReviewWorkspaceView(ReviewWorkspace workspace, ZoneId zone) {
        setId("reviewWorkspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Tab sessions = new Tab("Sessions", new ReviewView(workspace.sessions(), zone));
        sessions.setId("reviewSessionsTab");
        Tab dashboard = new Tab("Dashboard", new DashboardView(workspace.dashboard()));
        dashboard.setId("reviewDashboardTab");
        getTabs().addAll(sessions, dashboard);
        // Fetch when first shown, not before.
        workspace.sessions().search();
        dashboard.selectedProperty().addListener((o, a, selected) -> {
            if (selected && workspace.dashboard().figuresProperty().get() == null) {
                workspace.dashboard().refresh();
            }
        });
    }
}
