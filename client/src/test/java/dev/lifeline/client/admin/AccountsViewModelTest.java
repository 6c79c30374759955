package dev.lifeline.client.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.admin.AccountsViewModel.InputError;
import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.AccountRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsViewModelTest {
    private final List<AccountRequest> sent = new ArrayList<>();
    private final AccountsViewModel vm = new AccountsViewModel(sent::add);

    private static AccountInfo account(String name, AccountRole role, boolean disabled) {
        return AccountInfo.newBuilder().setName(name).setRole(role).setDisabled(disabled).build();
    }

    @Test
    void addChecksTheFormSendsAndClearsItWhenTheRelayAgrees() {
        vm.add();
        assertEquals(InputError.NAME_MISSING, vm.inputErrorProperty().get());
        vm.newNameProperty().set("x".repeat(101));
        vm.newPasswordProperty().set("pw");
        vm.add();
        assertEquals(InputError.NAME_TOO_LONG, vm.inputErrorProperty().get());
        vm.newNameProperty().set(" Bob ");
        vm.newPasswordProperty().set("");
        vm.add();
        assertEquals(InputError.PASSWORD_MISSING, vm.inputErrorProperty().get());
        assertTrue(sent.isEmpty());

        vm.newPasswordProperty().set("short");
        vm.newRoleProperty().set(AccountRole.ACCOUNT_LEAD);
        vm.add();
        assertEquals("Bob", sent.get(0).getAdd().getName());
        assertEquals(AccountRole.ACCOUNT_LEAD, sent.get(0).getAdd().getRole());
        assertTrue(vm.busyProperty().get());
        // The relay's password policy says no: its words are shown, the form keeps what was typed.
        vm.replied(AccountReply.newBuilder().setOk(false).setMessage("a password needs at least 12 characters")
                .addAccounts(account("Root", AccountRole.ACCOUNT_ADMIN, false)).build());
        assertFalse(vm.resultOkProperty().get());
        assertEquals("a password needs at least 12 characters", vm.resultProperty().get());
        assertEquals("Bob", vm.newNameProperty().get().strip());
        assertFalse(vm.busyProperty().get());

        vm.newPasswordProperty().set("correct horse battery staple");
        vm.add();
        vm.replied(AccountReply.newBuilder().setOk(true).setMessage("added Bob")
                .addAccounts(account("Bob", AccountRole.ACCOUNT_LEAD, false))
                .addAccounts(account("Root", AccountRole.ACCOUNT_ADMIN, false)).build());
        assertTrue(vm.resultOkProperty().get());
        assertEquals("", vm.newNameProperty().get());
        assertEquals("", vm.newPasswordProperty().get());
        assertEquals(2, vm.accounts().size());
    }

    @Test
    void disableEnableAndResetTheSelectedAccount() {
        vm.replied(AccountReply.newBuilder().setOk(true).addAccounts(account("Bob", AccountRole.ACCOUNT_TECHNICIAN, false)).build());
        AccountInfo bob = vm.accounts().get(0);
        vm.selectedProperty().set(bob);
        vm.disable(bob);
        assertEquals("Bob", sent.get(0).getDisable());
        vm.replied(AccountReply.newBuilder().setOk(true).setMessage("disabled Bob")
                .addAccounts(account("Bob", AccountRole.ACCOUNT_TECHNICIAN, true)).build());
        assertTrue(vm.selectedProperty().get().getDisabled(), "the selection follows the new list");
        vm.enable(vm.selectedProperty().get());
        assertEquals("Bob", sent.get(1).getEnable());

        vm.resetSelected();
        assertEquals(InputError.PASSWORD_MISSING, vm.inputErrorProperty().get());
        vm.resetPasswordProperty().set("another long passphrase");
        vm.resetSelected();
        assertEquals("Bob", sent.get(2).getResetPassword().getName());
        assertEquals("another long passphrase", sent.get(2).getResetPassword().getPassword());
        assertEquals("", vm.resetPasswordProperty().get());
    }

    @Test
    void authenticatorSetupShowsTheSecretOnceAndConfirmsWithACode() {
        AccountInfo alice = account("Alice Meyer", AccountRole.ACCOUNT_TECHNICIAN, false);
        vm.replied(AccountReply.newBuilder().setOk(true).addAccounts(alice).build());
        vm.startTotp();
        assertTrue(sent.isEmpty(), "nothing selected");
        vm.selectedProperty().set(vm.accounts().get(0));
        vm.startTotp();
        assertEquals("Alice Meyer", sent.get(0).getTotpBegin());

        vm.replied(AccountReply.newBuilder().setOk(true).setMessage("enter the secret in the authenticator app")
                .setTotpAccount("Alice Meyer").setTotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
                .setOtpauthUri("otpauth://totp/Lifeline:Alice%20Meyer?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Lifeline")
                .addAccounts(alice).build());
        assertEquals("Alice Meyer", vm.totpAccountProperty().get());
        assertEquals("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP", vm.totpSecretProperty().get());
        assertTrue(vm.totpUriProperty().get().startsWith("otpauth://totp/Lifeline:Alice%20Meyer?secret="));

        vm.totpCodeProperty().set("12 34");
        vm.confirmTotp();
        assertEquals(InputError.CODE_INVALID, vm.inputErrorProperty().get());
        assertEquals(1, sent.size(), "a malformed code is not sent");

        vm.totpCodeProperty().set("123 456");
        vm.confirmTotp();
        assertEquals("Alice Meyer", sent.get(1).getTotpConfirm().getName());
        assertEquals("123456", sent.get(1).getTotpConfirm().getCode());
        vm.replied(AccountReply.newBuilder().setOk(false).setMessage("that code does not match").addAccounts(alice).build());
        assertEquals("Alice Meyer", vm.totpAccountProperty().get(), "a wrong code keeps the setup open");
        assertEquals("", vm.totpCodeProperty().get());

        vm.totpCodeProperty().set("654321");
        vm.confirmTotp();
        vm.replied(AccountReply.newBuilder().setOk(true).setMessage("authenticator on for Alice Meyer")
                .addAccounts(alice.toBuilder().setTotp(true)).build());
        assertEquals("", vm.totpAccountProperty().get(), "done: the secret is no longer shown");
        assertEquals("", vm.totpSecretProperty().get());
        assertTrue(vm.accounts().get(0).getTotp());
        assertEquals("authenticator on for Alice Meyer", vm.resultProperty().get());
    }
}
