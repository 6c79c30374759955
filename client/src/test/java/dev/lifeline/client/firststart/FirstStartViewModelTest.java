package dev.lifeline.client.firststart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.firststart.FirstStartViewModel.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStartViewModelTest {
    static final String PIN = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @TempDir
    Path config;
    final List<RelayEndpoint> connected = new ArrayList<>();

    FirstStartViewModel vm() {
        return new FirstStartViewModel(config, connected::add);
    }

    @Test
    void aValidAddressIsSavedAndHandedOnAndReadBackNextStart() {
        FirstStartViewModel vm = vm();
        vm.addressProperty().set("  relay.acme.example:8443 ");
        vm.fingerprintProperty().set(PIN);
        assertTrue(vm.connect());
        assertEquals(List.of(new RelayEndpoint("relay.acme.example", 8443, PIN)), connected);
        assertEquals(Problem.NONE, vm.problemProperty().get());
        // Next start: nothing to ask.
        SavedRelay saved = SavedRelay.load(config).orElseThrow();
        assertEquals(new RelayEndpoint("relay.acme.example", 8443, PIN), saved.endpoint());
    }

    @Test
    void withoutFingerprintTheRelayIsCaChecked() {
        FirstStartViewModel vm = vm();
        vm.addressProperty().set("relay.acme.example");
        assertTrue(vm.connect());
        assertEquals(7443, connected.get(0).port());
        assertNull(connected.get(0).pinnedFingerprint());
        assertNull(SavedRelay.load(config).orElseThrow().fingerprint());
    }

    @Test
    void badInputSaysWhatIsWrongAndSavesNothing() {
        FirstStartViewModel vm = vm();
        assertFalse(vm.connect());
        assertEquals(Problem.ADDRESS_MISSING, vm.problemProperty().get());
        vm.addressProperty().set("relay.acme.example:99999");
        assertFalse(vm.connect());
        assertEquals(Problem.ADDRESS_INVALID, vm.problemProperty().get());
        vm.addressProperty().set("relay.acme.example:7443");
        vm.fingerprintProperty().set("AB:CD");
        assertFalse(vm.connect());
        assertEquals(Problem.FINGERPRINT_INVALID, vm.problemProperty().get());
        assertTrue(connected.isEmpty());
        assertFalse(Files.exists(config.resolve(SavedRelay.FILE)));
        vm.fingerprintProperty().set("");
        assertEquals(Problem.NONE, vm.problemProperty().get(), "editing clears the complaint");
        assertTrue(vm.connect());
        assertEquals(Problem.NONE, vm.problemProperty().get());
    }

    @Test
    void aFolderThatCannotBeWrittenIsReported() throws Exception {
        Path notADirectory = Files.writeString(config.resolve("file"), "x");
        FirstStartViewModel vm = new FirstStartViewModel(notADirectory, connected::add);
        vm.addressProperty().set("relay.acme.example");
        assertFalse(vm.connect());
        assertEquals(Problem.SAVE_FAILED, vm.problemProperty().get());
        assertTrue(connected.isEmpty());
    }

    @Test
    void damagedOrOversizedSettingsCountAsNotConfigured() throws Exception {
        Files.writeString(config.resolve(SavedRelay.FILE), "relay=not a host name\n");
        assertTrue(SavedRelay.load(config).isEmpty());
        Files.writeString(config.resolve(SavedRelay.FILE), "relay=r.example\n#" + "x".repeat(SavedRelay.MAX_FILE_BYTES));
        assertTrue(SavedRelay.load(config).isEmpty());
        assertTrue(SavedRelay.load(config.resolve("missing")).isEmpty());
    }
}
