package dev.lifeline.client.queue;

import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.team.WaitingCustomer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * In a session tab picked from the queue: the customer's problem, organisation and contract, the
 * remaining block hours (warning when low or exhausted) and the SLA state at the pick.
 */
public final class PickedCustomerBar extends HBox {
    public PickedCustomerBar(WaitingCustomer c, Messages messages) {
        super(10);
        setId("pickedCustomer");
        getStyleClass().add("picked-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label(c.problem());
        problem.setId("pickedProblem");
        problem.setMinWidth(0);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(problem);
        if (!c.organisation().isEmpty()) {
            Label org = new Label(c.contractKind().isEmpty() ? c.organisation() : c.organisation() + " · " + c.contractKind());
            org.getStyleClass().add("identity-detail");
            org.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(org);
        }
        String key = QueueViewModel.balanceKey(c);
        if (key != null) {
            HBox balance = QueueView.badge(messages.get(key, QueueViewModel.hours(c.blockMinutesRemaining())),
                    c.exhausted() ? "danger" : c.lowBalance() ? "warning" : "neutral");
            balance.setId("pickedBalance");
            getChildren().add(balance);
        }
        if (c.sla() != WaitingCustomer.Sla.NONE) {
            HBox sla = QueueView.badge(messages.get("queue.sla." + c.sla().name()),
                    switch (c.sla()) {
                        case BREACHED -> "danger";
                        case AT_RISK -> "warning";
                        default -> "success";
                    });
            sla.setId("pickedSla");
            getChildren().add(sla);
        }
    }
}
