package dev.lifeline.client.admin;

import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.AccountRole;
import dev.lifeline.common.wire.relay.AddAccount;
import dev.lifeline.common.wire.relay.ListAccounts;
import dev.lifeline.common.wire.relay.ResetAccountPassword;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Account management for admins in the Console, over the signed-in team connection: the list,
 * add (name, role, first password — the relay's password rules answer), disable, enable, reset
 * password. The relay checks the admin role on every request; this only hides the screen from
 * others. Requests go out through {@code sender}; replies come in on the FX thread.
 */
public final class AccountsViewModel {
    /** Problems found before asking the relay. */
    public enum InputError { NAME_MISSING, NAME_TOO_LONG, PASSWORD_MISSING }

    static final int MAX_NAME = 100;

    private final Consumer<AccountRequest> sender;
    private final ObservableList<AccountInfo> accounts = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<AccountRole> newRole = new SimpleObjectProperty<>(this, "newRole", AccountRole.ACCOUNT_TECHNICIAN);
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty resetPassword = new SimpleStringProperty(this, "resetPassword", "");
    private final ObjectProperty<AccountInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<InputError> inputError = new SimpleObjectProperty<>(this, "inputError");
    /** The relay's answer to the last change: "added Bob" or why not ("password too short…"). */
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final BooleanProperty resultOk = new SimpleBooleanProperty(this, "resultOk", true);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private boolean addPending;

    public AccountsViewModel(Consumer<AccountRequest> sender) {
        this.sender = Objects.requireNonNull(sender);
        newName.addListener((o, a, b) -> inputError.set(null));
        newPassword.addListener((o, a, b) -> inputError.set(null));
        resetPassword.addListener((o, a, b) -> inputError.set(null));
    }

    public void refresh() {
        send(AccountRequest.newBuilder().setList(ListAccounts.getDefaultInstance()).build());
    }

    /** Adds the account from the form; the password field is cleared once the relay accepts it. */
    public void add() {
        String name = newName.get() == null ? "" : newName.get().strip();
        String password = newPassword.get() == null ? "" : newPassword.get();
        InputError error = name.isEmpty() ? InputError.NAME_MISSING : name.length() > MAX_NAME ? InputError.NAME_TOO_LONG
                : password.isEmpty() ? InputError.PASSWORD_MISSING : null;
        if (error != null) {
            inputError.set(error);
            return;
        }
        addPending = true;
        send(AccountRequest.newBuilder().setAdd(AddAccount.newBuilder().setName(name).setRole(newRole.get())
                .setPassword(password)).build());
    }

    public void disable(AccountInfo account) {
        if (account != null) {
            send(AccountRequest.newBuilder().setDisable(account.getName()).build());
        }
    }

    public void enable(AccountInfo account) {
        if (account != null) {
            send(AccountRequest.newBuilder().setEnable(account.getName()).build());
        }
    }

    /** Sets the selected account's password to the one typed in the reset field. */
    public void resetSelected() {
        AccountInfo account = selected.get();
        String password = resetPassword.get() == null ? "" : resetPassword.get();
        if (account == null) {
            return;
        }
        if (password.isEmpty()) {
            inputError.set(InputError.PASSWORD_MISSING);
            return;
        }
        send(AccountRequest.newBuilder().setResetPassword(ResetAccountPassword.newBuilder()
                .setName(account.getName()).setPassword(password)).build());
        resetPassword.set("");
    }

    /** The relay answered (FX thread). */
    public void replied(AccountReply reply) {
        busy.set(false);
        if (reply.getAccountsCount() > 0 || reply.getOk()) {
            String chosen = selected.get() == null ? null : selected.get().getName();
            accounts.setAll(reply.getAccountsList());
            selected.set(chosen == null ? null : accounts.stream().filter(a -> a.getName().equals(chosen)).findFirst().orElse(null));
        }
        result.set(reply.getMessage());
        resultOk.set(reply.getOk());
        if (addPending) {
            addPending = false;
            if (reply.getOk()) {
                newName.set("");
                newPassword.set("");
            }
        }
    }

    private void send(AccountRequest request) {
        inputError.set(null);
        busy.set(true);
        sender.accept(request);
    }

    public ObservableList<AccountInfo> accounts() {
        return accounts;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<AccountRole> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public ObjectProperty<AccountInfo> selectedProperty() {
        return selected;
    }

    public ObjectProperty<InputError> inputErrorProperty() {
        return inputError;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
