package dev.lifeline.client.admin;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountRole;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Account management for admins: the list, disable / enable / reset password, and the add form. */
public final class AccountsView extends BorderPane {
    private final Messages messages;

    public AccountsView(AccountsViewModel vm, Messages messages) {
        this.messages = messages;
        setId("accountsView");

        Label title = new Label();
        title.getStyleClass().add("session-title");
        title.textProperty().bind(messages.text("accounts.title"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button();
        refresh.textProperty().bind(messages.text("accounts.refresh"));
        refresh.getStyleClass().add(Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());
        HBox header = new HBox(12, title, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("session-header");
        setTop(header);

        TableView<AccountInfo> table = new TableView<>(vm.accounts());
        table.setId("accountsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("accounts.col.name", AccountInfo::getName));
        table.getColumns().add(column("accounts.col.role", a -> messages.get("accounts.role." + (a.getRole() == AccountRole.UNRECOGNIZED ? AccountRole.ACCOUNT_ROLE_UNSPECIFIED : a.getRole()).name())));
        table.getColumns().add(column("accounts.col.status", this::status));
        Label empty = new Label();
        empty.textProperty().bind(messages.text("accounts.empty"));
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> vm.selectedProperty().set(n));
        vm.selectedProperty().addListener((o, a, n) -> {
            if (n != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(n);
            }
        });

        // Selected account: disable / enable, reset password.
        Button disable = new Button();
        disable.setId("disableAccount");
        disable.textProperty().bind(messages.text("accounts.disable"));
        disable.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        disable.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().getDisabled(), vm.selectedProperty()));
        disable.setOnAction(e -> vm.disable(vm.selectedProperty().get()));
        Button enable = new Button();
        enable.setId("enableAccount");
        enable.textProperty().bind(messages.text("accounts.enable"));
        enable.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || !vm.selectedProperty().get().getDisabled(), vm.selectedProperty()));
        enable.setOnAction(e -> vm.enable(vm.selectedProperty().get()));
        PasswordField reset = new PasswordField();
        reset.setId("resetPassword");
        reset.promptTextProperty().bind(messages.text("accounts.newPassword"));
        reset.textProperty().bindBidirectional(vm.resetPasswordProperty());
        reset.disableProperty().bind(vm.selectedProperty().isNull());
        Button resetButton = new Button();
        resetButton.setId("resetAccount");
        resetButton.textProperty().bind(messages.text("accounts.reset"));
        resetButton.disableProperty().bind(vm.selectedProperty().isNull());
        resetButton.setOnAction(e -> vm.resetSelected());
        Label selectedLabel = new Label();
        selectedLabel.getStyleClass().add("identity-name");
        selectedLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? messages.get("accounts.noneSelected") : vm.selectedProperty().get().getName(),
                vm.selectedProperty(), messages.localeProperty()));
        Button totp = new Button();
        totp.setId("setUpTotp");
        totp.textProperty().bind(messages.text("accounts.totp.start"));
        totp.disableProperty().bind(vm.selectedProperty().isNull());
        totp.setOnAction(e -> vm.startTotp());
        HBox selectedRow = new HBox(8, selectedLabel, disable, enable, reset, resetButton, totp);
        selectedRow.setAlignment(Pos.CENTER_LEFT);

        // Add form.
        Label addTitle = new Label();
        addTitle.getStyleClass().add("notice-title");
        addTitle.textProperty().bind(messages.text("accounts.addTitle"));
        TextField name = new TextField();
        name.setId("newAccountName");
        name.promptTextProperty().bind(messages.text("accounts.name"));
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ComboBox<AccountRole> role = new ComboBox<>();
        role.setId("newAccountRole");
        role.getItems().setAll(AccountRole.ACCOUNT_TECHNICIAN, AccountRole.ACCOUNT_LEAD, AccountRole.ACCOUNT_ADMIN);
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        role.setButtonCell(roleCell());
        role.setCellFactory(l -> roleCell());
        PasswordField password = new PasswordField();
        password.setId("newAccountPassword");
        password.promptTextProperty().bind(messages.text("accounts.firstPassword"));
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        Button add = new Button();
        add.setId("addAccount");
        add.textProperty().bind(messages.text("accounts.add"));
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> vm.add());
        HBox addRow = new HBox(8, name, role, password, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Label policy = new Label();
        policy.getStyleClass().add("hint");
        policy.textProperty().bind(messages.text("accounts.policy"));
        policy.setWrapText(true);

        Label result = new Label();
        result.setId("accountsResult");
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> {
            AccountsViewModel.InputError error = vm.inputErrorProperty().get();
            return error != null ? messages.get("accounts.error." + error.name()) : vm.resultProperty().get();
        }, vm.inputErrorProperty(), vm.resultProperty(), messages.localeProperty()));
        result.styleProperty().bind(Bindings.when(vm.inputErrorProperty().isNull().and(vm.resultOkProperty()))
                .then("-fx-text-fill: -color-success-fg;").otherwise("-fx-text-fill: -color-danger-fg;"));

        VBox bottom = new VBox(10, selectedRow, totpEnrolment(vm), result, addTitle, addRow, policy);
        bottom.getStyleClass().add("accounts-form");
        setCenter(table);
        setBottom(bottom);
    }

    /** Issue 6: the new authenticator secret (key and otpauth link, shown once) and the code that confirms it. */
    private VBox totpEnrolment(AccountsViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("notice-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> messages.get("accounts.totp.title",
                vm.totpAccountProperty().get()), vm.totpAccountProperty(), messages.localeProperty()));
        Label secret = new Label();
        secret.setId("totpSecret");
        secret.setStyle("-fx-font-family: monospace; -fx-font-size: 1.2em;");
        secret.textProperty().bind(vm.totpSecretProperty());
        TextField uri = new TextField();
        uri.setId("totpUri");
        uri.setEditable(false);
        uri.textProperty().bind(vm.totpUriProperty());
        TextField code = new TextField();
        code.setId("totpCode");
        code.setPrefColumnCount(7);
        code.promptTextProperty().bind(messages.text("accounts.totp.code"));
        code.textProperty().bindBidirectional(vm.totpCodeProperty());
        code.setOnAction(e -> vm.confirmTotp());
        Button confirm = new Button();
        confirm.setId("confirmTotp");
        confirm.textProperty().bind(messages.text("accounts.totp.confirm"));
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setOnAction(e -> vm.confirmTotp());
        Button cancel = new Button();
        cancel.setId("cancelTotp");
        cancel.textProperty().bind(messages.text("accounts.totp.cancel"));
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(e -> vm.cancelTotp());
        HBox codeRow = new HBox(8, code, confirm, cancel);
        codeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(uri, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(6, title, secret, uri, codeRow);
        box.setId("totpEnrolment");
        box.getStyleClass().addAll("notice", "accent");
        box.setStyle("-fx-padding: 8;");
        box.visibleProperty().bind(vm.totpAccountProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private ListCell<AccountRole> roleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AccountRole item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get("accounts.role." + item.name()));
            }
        };
    }

    private String status(AccountInfo a) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.get(a.getDisabled() ? "accounts.status.disabled" : "accounts.status.active"));
        if (a.getLocked()) {
            parts.add(messages.get("accounts.status.locked"));
        }
        if (a.getTotp()) {
            parts.add(messages.get("accounts.status.totp"));
        }
        return String.join(" · ", parts);
    }

    private TableColumn<AccountInfo, String> column(String key, java.util.function.Function<AccountInfo, String> value) {
        TableColumn<AccountInfo, String> col = new TableColumn<>();
        col.textProperty().bind(messages.text(key));
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return col;
    }
}
