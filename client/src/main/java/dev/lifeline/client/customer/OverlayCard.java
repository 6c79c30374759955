package dev.lifeline.client.customer;

import dev.lifeline.client.theme.Icons;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A question over the Get Help window (screen consent, other capabilities, the recording notice,
 * the diagnostics review): a scrim that is there only while {@code shown}, and the card's parts
 * they all share — a heading with an icon, wrapped text, two answers of equal width.
 */
abstract class OverlayCard extends StackPane {
    OverlayCard(String id, ObservableBooleanValue shown) {
        getStyleClass().add("screen-consent-scrim");
        setId(id);
        visibleProperty().bind(shown);
        managedProperty().bind(visibleProperty());
    }

    /** Puts {@code card} on the scrim, or nothing when null. */
    final void show(Node card) {
        getChildren().setAll(card == null ? new Region() : card);
    }

    /** The card itself, at most {@code maxWidth} wide and as tall as its content. */
    static VBox card(double spacing, double maxWidth, Node... children) {
        VBox card = new VBox(spacing, children);
        card.getStyleClass().add("screen-consent");
        card.setMaxWidth(maxWidth);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    /** A large icon next to the title. */
    static HBox heading(String icon, Label title) {
        title.getStyleClass().add("consent-title");
        title.setWrapText(true);
        HBox heading = new HBox(10, Icons.icon(icon, 28, "accent"), title);
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    /** Wraps and never cuts {@code label}; adds {@code styleClass} unless null. */
    static Label wrapped(Label label, String styleClass) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    static Label text(String text, String styleClass) {
        return wrapped(new Label(text), styleClass);
    }

    /** Equal halves: neither answer looks like the default by its size. */
    static HBox answers(Button left, Button right) {
        for (Button b : new Button[] {left, right}) {
            b.setPrefWidth(0);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        return new HBox(10, left, right);
    }
}
