package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.app.GetHelpApp;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Get Help's side of clipboard and files, as the customer sees it: the consent card names the
 * technician and both capabilities, chips revoke with one click, an offer names the sender and the
 * folder (which the customer may change) before anything is written, and a transfer shows its
 * progress bar until it is finished.
 */
@ExtendWith(ApplicationExtension.class)
class GetHelpFilesViewTest {
    private static final ConsentSnapshot FILES_AND_CLIPBOARD = new ConsentSnapshot(Map.of(
            Capability.TRANSFER_FILES, ConsentStatus.GRANTED, Capability.CLIPBOARD, ConsentStatus.GRANTED), Optional.empty());

    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private GetHelpViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new GetHelpViewModel(sessions, Platform::runLater, Clock.systemUTC(), "ACME Support");
        stage.setScene(GetHelpApp.createScene(vm, new Messages(Locale.ENGLISH)));
        stage.show();
    }

    private FakeHandle secured(FxRobot robot) {
        robot.clickOn("#getHelp");
        WaitForAsyncUtils.waitForFxEvents();
        FakeHandle h = sessions.last();
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        h.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        WaitForAsyncUtils.waitForFxEvents();
        return h;
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void consentNamesTheTechnicianAndBothCapabilitiesAndChipsRevokeThem(FxRobot robot) {
        FakeHandle h = secured(robot);
        h.listener.onConsentRequested(new ConsentPrompt(Set.of(Capability.CLIPBOARD, Capability.TRANSFER_FILES),
                "to send you the new driver"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#capabilityConsent").query()));
        assertEquals("Alice Meyer (ACME Support) asks for permission to:", text(robot, "#capabilityConsentText"));
        List<String> asked = robot.lookup("#capabilityConsentList .label").queryAllAs(Label.class).stream()
                .map(Label::getText).sorted().toList();
        assertEquals(List.of("• Transfer files", "• Use the clipboard"), asked);
        assertTrue(text(robot, "#capabilityConsentReason").contains("to send you the new driver"));

        robot.clickOn("#allowCapabilities");
        WaitForAsyncUtils.waitForFxEvents();
        h.listener.onConsentChanged(FILES_AND_CLIPBOARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(robot.lookup("#chip-CLIPBOARD").query()));
        assertTrue(showing(robot.lookup("#chip-TRANSFER_FILES").query()));
        assertTrue(showing(robot.lookup("#sendFile").query()), "the customer may send files now");
        robot.clickOn("#revoke-TRANSFER_FILES");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(h.consentCalls.contains("revoke:TRANSFER_FILES"), h.consentCalls.toString());
    }

    @Test
    void anOfferNamesTheSenderAndTheFolderAndIsSavedWhereTheCustomerChose(FxRobot robot) {
        FakeHandle h = secured(robot);
        h.listener.onConsentChanged(FILES_AND_CLIPBOARD);
        robot.interact(() -> vm.transfers().folderProperty().set(Path.of("/home/bob/Support files")));
        h.listener.onFileOffered(new FileOffered(7, "driver-setup.exe", 52_428_800));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(showing(robot.lookup("#fileOfferCard").query()));
        assertTrue(robot.lookup("#fileOfferCard .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Alice Meyer wants to send you a file")));
        assertTrue(text(robot, "#offeredFile").startsWith("driver-setup.exe ("));
        assertEquals("Save to: /home/bob/Support files", text(robot, "#offerFolder"));
        assertTrue(h.transferCalls.isEmpty(), "nothing is accepted before the customer answers");

        robot.clickOn("#offerAccept");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("accept:7:/home/bob/Support files"), h.transferCalls);
        assertFalse(showing(robot.lookup("#fileOfferCard").query()));
    }

    @Test
    void aTransferShowsItsProgressUntilItIsFinishedAndTheTechnicianIsNamedInNotices(FxRobot robot) {
        FakeHandle h = secured(robot);
        h.listener.onConsentChanged(FILES_AND_CLIPBOARD);
        h.listener.onTransfer(new TransferStatus(7, Direction.INCOMING, "driver-setup.exe", 1000, 250,
                TransferState.RUNNING, null, "", ""));
        WaitForAsyncUtils.waitForFxEvents();
        ProgressBar bar = robot.lookup("#customerFiles .progress-bar").queryAs(ProgressBar.class);
        assertTrue(showing(bar));
        assertEquals(0.25, bar.getProgress(), 1e-9);

        h.listener.onTransfer(new TransferStatus(7, Direction.INCOMING, "driver-setup.exe", 1000, 1000,
                TransferState.FAILED, TransferError.CHECKSUM_MISMATCH, "", ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(bar), "no progress bar once finished");
        assertEquals("Failed: the file arrived damaged and was deleted", text(robot, "#transfer-state-INCOMING-7"));

        h.listener.onClipboard(new ClipboardEvent(ClipboardEvent.Kind.PUT_BY_TECHNICIAN, 24));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice Meyer put text on your clipboard.", text(robot, "#clipboardNoticeText"));
    }
}
