package dev.lifeline.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.transfer.TransferError;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files and clipboard view models without a toolkit: what they show and what they forward. */
class TransfersViewModelTest {
    @TempDir
    Path dir;

    private final FakeSessions.Technician sessions = new FakeSessions.Technician();

    private FakeHandle handle() {
        return (FakeHandle) sessions.join(SessionCode.parse("418-290573"), new dev.lifeline.client.session.SessionListener() { });
    }

    private static ConsentSnapshot granted(Capability... capabilities) {
        java.util.EnumMap<Capability, ConsentStatus> map = new java.util.EnumMap<>(Capability.class);
        for (Capability c : capabilities) {
            map.put(c, ConsentStatus.GRANTED);
        }
        return new ConsentSnapshot(map, Optional.empty());
    }

    private static TransferStatus status(long id, Direction direction, TransferState state, long done, TransferError error) {
        return new TransferStatus(id, direction, "report.pdf", 1000, done, state, error, "", state == TransferState.COMPLETED ? "report.pdf" : "");
    }

    @Test
    void filesAreSentOnlyWhileTheCustomerAllowsThem() throws Exception {
        TransfersViewModel vm = new TransfersViewModel();
        FakeHandle h = handle();
        vm.attach(h);
        Path file = Files.writeString(dir.resolve("report.pdf"), "x");
        vm.send(List.of(file));
        assertEquals(List.of(), h.transferCalls, "not allowed yet: nothing offered");
        vm.consent(granted(Capability.TRANSFER_FILES));
        assertTrue(vm.allowedProperty().get());
        vm.send(List.of(file, dir)); // a folder dropped with it is skipped
        assertEquals(List.of("offer:report.pdf"), h.transferCalls);
        vm.consent(granted());
        assertFalse(vm.allowedProperty().get());
    }

    @Test
    void rowsFollowStatusesAndOffersGoAwayWhenAnsweredOrFinished() {
        TransfersViewModel vm = new TransfersViewModel();
        FakeHandle h = handle();
        vm.attach(h);
        vm.consent(granted(Capability.TRANSFER_FILES));
        vm.status(status(1, Direction.OUTGOING, TransferState.RUNNING, 250, null));
        vm.status(status(1, Direction.INCOMING, TransferState.OFFERED, 0, null));
        assertEquals(2, vm.rows().size(), "same id, other direction: another transfer");
        vm.status(status(1, Direction.OUTGOING, TransferState.RUNNING, 500, null));
        TransferRow out = vm.rows().stream().filter(r -> r.direction() == Direction.OUTGOING).findFirst().orElseThrow();
        assertEquals(0.5, out.progressProperty().get(), 1e-9);

        FileOffered offer = new FileOffered(1, "report.pdf", 1000);
        vm.offered(offer);
        vm.folderProperty().set(dir);
        vm.accept(offer);
        assertTrue(vm.offers().isEmpty());
        assertEquals("accept:1:" + dir, h.transferCalls.get(0));

        FileOffered second = new FileOffered(2, "b.bin", 5);
        vm.offered(second);
        vm.status(new TransferStatus(2, Direction.INCOMING, "b.bin", 5, 0, TransferState.CANCELLED, TransferError.NOT_GRANTED, "", ""));
        assertTrue(vm.offers().isEmpty(), "a revoked grant takes the offer away");

        vm.cancel(out);
        assertEquals("cancel:1:OUTGOING", h.transferCalls.get(1));
        vm.status(status(1, Direction.OUTGOING, TransferState.FAILED, 500, TransferError.SESSION_ENDED));
        assertTrue(out.retryable());
        vm.retry(out);
        assertEquals("retry:1", h.transferCalls.get(2));
        vm.status(status(1, Direction.OUTGOING, TransferState.FAILED, 500, TransferError.DECLINED));
        assertFalse(out.retryable(), "a no is not retried");
    }

    @Test
    void clipboardButtonsUseTheLocalClipboardAndTheSession() {
        StringBuilder local = new StringBuilder("licence ABCD");
        SystemClipboard clipboard = new SystemClipboard() {
            @Override
            public CompletableFuture<Optional<String>> readText() {
                return CompletableFuture.completedFuture(local.length() == 0 ? Optional.empty() : Optional.of(local.toString()));
            }

            @Override
            public CompletableFuture<Void> writeText(String text) {
                local.setLength(0);
                local.append(text);
                return CompletableFuture.completedFuture(null);
            }
        };
        ClipboardActionsViewModel vm = new ClipboardActionsViewModel(clipboard, Runnable::run);
        FakeHandle h = handle();
        vm.attach(h);
        vm.send();
        assertEquals(List.of(), h.transferCalls, "not granted: nothing sent");
        vm.consent(granted(Capability.CLIPBOARD));
        vm.send();
        vm.get();
        assertEquals(List.of("clipboard-send:12", "clipboard-get"), h.transferCalls);
        vm.received("from the customer");
        assertEquals("from the customer", local.toString());
        local.setLength(0);
        vm.send();
        assertEquals(ClipboardEvent.Kind.EMPTY, vm.lastEventProperty().get().kind());
    }

    @Test
    void everyErrorStateAndClipboardEventHasATextInEveryLanguage() {
        for (Locale locale : Messages.SUPPORTED) {
            ResourceBundle bundle = Messages.bundle(locale);
            for (TransferError e : TransferError.values()) {
                assertTrue(bundle.containsKey("transfer.error." + e.name()), locale + " " + e);
            }
            for (ClipboardEvent.Kind k : ClipboardEvent.Kind.values()) {
                assertTrue(bundle.containsKey("clipboard.event." + k.name()), locale + " " + k);
                assertTrue(bundle.containsKey("clipboard.notice." + k.name()), locale + " " + k);
            }
        }
        assertEquals("Alex Demo put text on your clipboard.",
                new Messages(Locale.ENGLISH).get("clipboard.notice.PUT_BY_TECHNICIAN", "Alex Demo"));
    }
}
