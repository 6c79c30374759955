package dev.lifeline.client.signin;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.signin.SignInViewModel.Problem;
import dev.lifeline.client.signin.SignInViewModel.State;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Console's sign-in card: name, password, the authenticator code once the account asks for
 * it, a clear error, and "Join by code instead" for identity files. Binds to a
 * {@link SignInViewModel}; shown while signed out against a relay with accounts.
 */
public final class SignInView extends StackPane {
    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField code = new TextField();

    public SignInView(SignInViewModel vm, Messages messages) {
        getStyleClass().add("sign-in");
        setId("signInView");

        Label title = new Label();
        title.textProperty().bind(messages.text("signin.title"));
        title.getStyleClass().add("step-title");
        Label text = new Label();
        text.textProperty().bind(messages.text("signin.text"));
        text.getStyleClass().add("hint");
        text.setWrapText(true);

        name.setId("signInName");
        name.promptTextProperty().bind(messages.text("signin.name"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        password.setId("signInPassword");
        password.promptTextProperty().bind(messages.text("signin.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        code.setId("signInCode");
        code.promptTextProperty().bind(messages.text("signin.code"));
        code.textProperty().bindBidirectional(vm.totpCodeProperty());
        code.setPrefColumnCount(8);
        code.visibleProperty().bind(vm.totpNeededProperty());
        code.managedProperty().bind(code.visibleProperty());
        Label codeLabel = new Label();
        codeLabel.textProperty().bind(messages.text("signin.codeLabel"));
        codeLabel.getStyleClass().add("hint");
        codeLabel.visibleProperty().bind(vm.totpNeededProperty());
        codeLabel.managedProperty().bind(codeLabel.visibleProperty());

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Problem p = vm.problemProperty().get();
            if (p == null) {
                return "";
            }
            return switch (p) {
                case LOCKED -> messages.get("signin.error.LOCKED", vm.retryAfterSecondsProperty().get());
                case UNREACHABLE, CONNECTION_LOST -> messages.get("signin.error." + p.name(), vm.detailProperty().get());
                default -> messages.get("signin.error." + p.name());
            };
        }, vm.problemProperty(), vm.retryAfterSecondsProperty(), vm.detailProperty(), messages.localeProperty()));
        error.visibleProperty().bind(vm.problemProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Button signIn = new Button();
        signIn.setId("signInButton");
        signIn.textProperty().bind(messages.text("signin.button"));
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.SIGNED_OUT));
        signIn.setOnAction(e -> vm.signIn());
        name.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> vm.signIn());
        code.setOnAction(e -> vm.signIn());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.stateProperty().isEqualTo(State.SIGNING_IN)
                .or(vm.stateProperty().isEqualTo(State.CHECKING)));
        busy.managedProperty().bind(busy.visibleProperty());
        HBox buttonRow = new HBox(8, signIn, busy);
        buttonRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(signIn, javafx.scene.layout.Priority.ALWAYS);

        Hyperlink byCode = new Hyperlink();
        byCode.setId("useCodeInstead");
        byCode.textProperty().bind(messages.text("signin.useCode"));
        byCode.setOnAction(e -> vm.useCodeInstead());

        VBox card = new VBox(10, Icons.icon(Icons.PERSON, 40, "accent"), title, text, name, password, codeLabel, code,
                error, buttonRow, byCode);
        card.getStyleClass().add("sign-in-card");
        card.setMaxSize(380, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(card);
        setAlignment(card, Pos.CENTER);

        vm.problemProperty().addListener((obs, o, p) -> {
            if (p == Problem.SECOND_FACTOR_REQUIRED || p == Problem.CODE_MISSING || p == Problem.CODE_INVALID) {
                code.requestFocus();
            } else if (p == Problem.BAD_CREDENTIALS || p == Problem.PASSWORD_MISSING) {
                password.requestFocus();
            } else if (p == Problem.NAME_MISSING) {
                name.requestFocus();
            }
        });
    }
}
