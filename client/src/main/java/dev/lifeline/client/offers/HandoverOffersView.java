package dev.lifeline.client.offers;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The receiving technician's offer cards, above the Console's tabs: who offers what (transfer or
 * watch), the customer, the problem, the other technician's note, the seconds left, Accept and
 * Decline; below them the note about a lapsed or refused offer. Hidden when there is nothing.
 */
public final class HandoverOffersView extends VBox {
    private final HandoverOffersViewModel vm;
    private final Messages messages;
    private final VBox cards = new VBox(6);
    private final Timeline ticker;

    public HandoverOffersView(HandoverOffersViewModel vm, Messages messages) {
        super(6);
        this.vm = vm;
        this.messages = messages;
        setId("handoverOffers");
        getStyleClass().add("handover-offers");
        setStyle("-fx-padding: 6 12 6 12;");

        Label noticeText = new Label();
        noticeText.setId("offerNotice");
        noticeText.setWrapText(true);
        noticeText.textProperty().bind(vm.noticeProperty());
        HBox notice = new HBox(8, Icons.icon(Icons.INFO, 16), noticeText);
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.getStyleClass().addAll("notice", "warning");
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().setAll(cards, notice);
        visibleProperty().bind(Bindings.isNotEmpty(vm.offers()).or(vm.noticeProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());

        vm.offers().addListener((ListChangeListener<HandoverOfferInfo>) c -> rebuild());
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private void rebuild() {
        cards.getChildren().setAll(vm.offers().stream().map(this::card).toList());
    }

    private HBox card(HandoverOfferInfo offer) {
        boolean transfer = offer.kind() == HandoverEvent.Kind.TRANSFER;
        Label question = new Label(messages.get(transfer ? "offers.transfer" : "offers.watch",
                offer.fromTechnician(), offer.customerName()));
        question.getStyleClass().add(Styles.TEXT_BOLD);
        question.setWrapText(true);
        question.setId("offerQuestion");
        VBox texts = new VBox(2, question);
        if (!offer.problem().isEmpty()) {
            Label problem = new Label(messages.get("offers.problem", offer.problem()));
            problem.setId("offerProblem");
            problem.setWrapText(true);
            texts.getChildren().add(problem);
        }
        if (!offer.note().isEmpty()) {
            Label note = new Label(messages.get("offers.note", offer.fromTechnician(), offer.note()));
            note.setId("offerNote");
            note.setWrapText(true);
            note.getStyleClass().add(Styles.TEXT_ITALIC);
            texts.getChildren().add(note);
        }
        Label left = new Label();
        left.setId("offerLeft");
        left.getStyleClass().add(Styles.TEXT_MUTED);
        left.textProperty().bind(Bindings.createStringBinding(() -> messages.get("offers.left", vm.secondsLeft(offer)),
                vm.nowProperty(), messages.localeProperty()));
        texts.getChildren().add(left);
        HBox.setHgrow(texts, Priority.ALWAYS);
        texts.setMaxWidth(Double.MAX_VALUE);

        Button accept = new Button(messages.get(transfer ? "offers.acceptTransfer" : "offers.acceptWatch"));
        accept.setId("acceptOffer");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setDefaultButton(false);
        accept.setMinWidth(Region.USE_PREF_SIZE);
        accept.setOnAction(e -> vm.accept(offer));
        Button decline = new Button(messages.get("offers.decline"));
        decline.setId("declineOffer");
        decline.getStyleClass().add(Styles.BUTTON_OUTLINED);
        decline.setMinWidth(Region.USE_PREF_SIZE);
        decline.setOnAction(e -> vm.decline(offer));
        HBox card = new HBox(12, Icons.icon(transfer ? Icons.PERSON : Icons.SCREEN, 28, "accent"), texts, accept, decline);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().addAll("offer-card", "notice", "accent");
        card.setStyle("-fx-padding: 10; -fx-background-radius: 6; -fx-border-radius: 6;"
                + " -fx-border-color: -color-accent-emphasis; -fx-background-color: -color-accent-subtle;");
        card.setId("offerCard");
        return card;
    }
}
