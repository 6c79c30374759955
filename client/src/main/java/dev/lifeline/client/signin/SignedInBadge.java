package dev.lifeline.client.signin;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Top-bar part of the Console while signed in: who (name and role) and Sign out. */
public final class SignedInBadge extends HBox {
    public SignedInBadge(SignInViewModel vm, Messages messages) {
        super(8);
        setId("signedInBadge");
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label();
        name.setId("signedInName");
        name.getStyleClass().add("identity-name");
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            SignedInTechnician t = vm.signedInProperty().get();
            return t == null ? "" : t.name();
        }, vm.signedInProperty()));
        Label detail = new Label();
        detail.setId("signedInDetail");
        detail.getStyleClass().add("identity-detail");
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            SignedInTechnician t = vm.signedInProperty().get();
            if (t == null) {
                return "";
            }
            String role = messages.get("signin.role." + t.role());
            return t.identity() == null ? messages.get("signin.signedInNoCertificate", role)
                    : messages.get("signin.signedIn", role);
        }, vm.signedInProperty(), messages.localeProperty()));
        detail.setMinWidth(Region.USE_PREF_SIZE);
        Button signOut = new Button();
        signOut.setId("signOut");
        signOut.textProperty().bind(messages.text("signin.signOut"));
        signOut.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        signOut.setOnAction(e -> vm.requestSignOut());
        signOut.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(Icons.icon(Icons.VERIFIED, 24, "accent"), new VBox(1, name, detail), signOut);
        visibleProperty().bind(vm.signedInProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
