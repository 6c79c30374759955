package dev.lifeline.client.admin;

import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.AccountRole;
import dev.lifeline.common.wire.relay.AddAccount;
import dev.lifeline.common.wire.relay.ListAccounts;
import dev.lifeline.common.wire.relay.ResetAccountPassword;
import dev.lifeline.common.wire.relay.TotpConfirm;
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
    public enum InputError { NAME_MISSING, NAME_TOO_LONG, PASSWORD_MISSING, CODE_INVALID }

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
    /** Authenticator enrolment (issue 6): the account, its new secret and otpauth URI while it waits for a code. */
    private final StringProperty totpAccount = new SimpleStringProperty(this, "totpAccount", "");
    private final StringProperty totpSecret = new SimpleStringProperty(this, "totpSecret", "");
    private final StringProperty totpUri = new SimpleStringProperty(this, "totpUri", "");
    private final StringProperty totpCode = new SimpleStringProperty(this, "totpCode", "");
    private boolean confirmPending;

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

    /**
     * Sets up an authenticator for the selected account: the relay makes a secret that waits for
     * its first code; the secret and otpauth link show until {@link #confirmTotp} or {@link #cancelTotp}.
     */
    public void startTotp() {
        AccountInfo account = selected.get();
        if (account != null) {
            send(AccountRequest.newBuilder().setTotpBegin(account.getName()).build());
        }
    }

    /** The six-digit code the app shows for the new secret: right, and TOTP is on for the account. */
    public void confirmTotp() {
        String code = totpCode.get() == null ? "" : totpCode.get().replace(" ", "").strip();
        if (totpAccount.get().isEmpty()) {
            return;
        }
        if (!code.matches("\\d{6}")) {
            inputError.set(InputError.CODE_INVALID);
            return;
        }
        confirmPending = true;
        send(AccountRequest.newBuilder().setTotpConfirm(TotpConfirm.newBuilder()
                .setName(totpAccount.get()).setCode(code)).build());
    }

    /** Closes the enrolment; an unconfirmed secret lapses on the relay. */
    public void cancelTotp() {
        totpAccount.set("");
        totpSecret.set("");
        totpUri.set("");
        totpCode.set("");
    }

    /** The relay answered (FX thread). */
    public void replied(AccountReply reply) {
        busy.set(false);
        if (!reply.getTotpSecret().isEmpty()) {
            totpAccount.set(reply.getTotpAccount());
            totpSecret.set(grouped(reply.getTotpSecret()));
            totpUri.set(reply.getOtpauthUri());
            totpCode.set("");
        }
        if (confirmPending) {
            confirmPending = false;
            if (reply.getOk()) {
                cancelTotp();
            } else {
                totpCode.set("");
            }
        }
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

    /** "JBSW Y3DP EHPK 3PXP": easier to type into an app by hand. */
    static String grouped(String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }

    public ReadOnlyStringProperty totpAccountProperty() {
        return totpAccount;
    }

    public ReadOnlyStringProperty totpSecretProperty() {
        return totpSecret;
    }

    public ReadOnlyStringProperty totpUriProperty() {
        return totpUri;
    }

    public StringProperty totpCodeProperty() {
        return totpCode;
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
