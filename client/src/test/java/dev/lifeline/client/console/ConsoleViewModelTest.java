package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.console.ConsoleViewModel.CodeError;
import dev.lifeline.client.console.ConsoleViewModel.IdentityError;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.IdentityLoadException.Problem;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private final List<Runnable> tasks = new ArrayList<>();
    private final ConsoleViewModel vm =
            new ConsoleViewModel(identities, tasks::add, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
    }

    private void loaded() {
        vm.loadIdentity(Path.of("good.id"), new char[0]);
        runTasks();
    }

    @Test
    void identityLoadsOnTheTaskExecutor() {
        vm.loadIdentity(Path.of("good.id"), new char[0]);
        assertTrue(vm.loadingProperty().get());
        assertTrue(identities.loaded.isEmpty(), "nothing loads on the calling thread");
        assertFalse(vm.canJoin().get());
        runTasks();
        assertFalse(vm.loadingProperty().get());
        assertEquals("Alice Meyer", vm.technicianProperty().get().name());
        assertEquals("ACME Support", vm.technicianProperty().get().organisation());
        assertNull(vm.identityErrorProperty().get());
        assertTrue(vm.canJoin().get());
    }

    @Test
    void eachLoadProblemIsReported() {
        for (Problem p : Problem.values()) {
            identities.failWith = p;
            vm.loadIdentity(Path.of("x.id"), new char[0]);
            runTasks();
            assertEquals(IdentityError.valueOf(p.name()), vm.identityErrorProperty().get());
            assertNull(vm.technicianProperty().get());
        }
    }

    @Test
    void wrongPassphraseThenRetryWithTheSameFileAndThePassphraseIsWiped() {
        identities.requiredPassphrase = "secret";
        vm.loadIdentity(Path.of("good.id"), new char[0]);
        runTasks();
        assertEquals(IdentityError.WRONG_PASSPHRASE, vm.identityErrorProperty().get());
        char[] pass = "secret".toCharArray();
        vm.retryLoad(pass);
        runTasks();
        assertEquals(List.of(Path.of("good.id"), Path.of("good.id")), identities.loaded);
        assertEquals("Alice Meyer", vm.technicianProperty().get().name());
        assertNull(vm.identityErrorProperty().get());
        assertArrayEquals(new char[6], pass);
    }

    @Test
    void unexpectedFailureIsReportedToo() {
        ConsoleViewModel broken = new ConsoleViewModel((f, p) -> {
            throw new IllegalStateException("boom");
        }, Runnable::run, Runnable::run);
        broken.loadIdentity(Path.of("x"), null);
        assertEquals(IdentityError.UNEXPECTED, broken.identityErrorProperty().get());
    }

    @Test
    void codeIsValidatedBeforeJoining() {
        loaded();
        vm.codeInputProperty().set("   ");
        assertNull(vm.join());
        assertEquals(CodeError.EMPTY, vm.codeErrorProperty().get());
        vm.codeInputProperty().set("41829");
        assertNull(vm.join());
        assertEquals(CodeError.INVALID, vm.codeErrorProperty().get());
        vm.codeInputProperty().set("418 29O573");
        assertNull(vm.join());
        assertEquals(CodeError.INVALID, vm.codeErrorProperty().get());
        vm.codeInputProperty().set("418 290573");
        assertNull(vm.codeErrorProperty().get(), "typing clears the error");
        assertTrue(identities.sessions.joined.isEmpty());
    }

    @Test
    void joinAcceptsTheWaysPeopleTypeTheCode() {
        loaded();
        for (String typed : List.of("418 290573", "418 · 290 573", "418-290-573", " 418290573 ")) {
            vm.codeInputProperty().set(typed);
            ConsoleSessionViewModel s = vm.join();
            assertEquals(SessionCode.parse("418290573"), s.code(), typed);
            assertEquals("", vm.codeInputProperty().get());
        }
        assertEquals(4, vm.sessions().size());
    }

    @Test
    void cannotJoinWithoutIdentity() {
        vm.codeInputProperty().set("418 290573");
        assertNull(vm.join());
        assertTrue(identities.sessions.joined.isEmpty());
    }

    @Test
    void sessionTabFollowsTheSession() {
        loaded();
        vm.codeInputProperty().set("418 290573");
        ConsoleSessionViewModel s = vm.join();
        FakeHandle h = identities.sessions.last();
        assertSame(s, vm.selectedProperty().get());
        assertEquals(ConsoleSessionViewModel.Step.JOINING, s.step());
        assertEquals("", s.customerName().get());
        assertFalse(s.chat().canSendProperty().get());

        h.listener.onSecured(PeerInfo.customer(" Bob "));
        assertEquals(ConsoleSessionViewModel.Step.SECURED, s.step());
        assertEquals("Bob", s.customerName().get());

        s.chat().draftProperty().set("Hello Bob");
        assertTrue(s.chat().send());
        assertEquals(List.of("Hello Bob"), h.sent);
        h.listener.onChat(new ChatLine("Hi!", NOW, false));
        assertEquals(2, s.chat().lines().size());

        h.listener.onLinkState(LinkState.PEER_AWAY);
        assertEquals(LinkState.PEER_AWAY, s.linkStateProperty().get());

        h.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        assertEquals(ConsoleSessionViewModel.Step.ENDED, s.step());
        assertEquals(SessionEnd.Reason.ENDED_BY_PEER, s.endProperty().get().reason());
        assertFalse(s.chat().canSendProperty().get());
        h.listener.onChat(new ChatLine("after the end", NOW, false));
        assertEquals(2, s.chat().lines().size());
    }

    @Test
    void endAndCloseTabs() {
        loaded();
        vm.codeInputProperty().set("418 290573");
        ConsoleSessionViewModel a = vm.join();
        vm.codeInputProperty().set("419 111222");
        ConsoleSessionViewModel b = vm.join();
        a.endSession();
        assertTrue(identities.sessions.joined.get(0).ended);
        assertEquals(SessionEnd.Reason.ENDED_BY_ME, a.endProperty().get().reason());
        vm.close(b);
        assertTrue(identities.sessions.joined.get(1).ended);
        assertEquals(List.of(a), vm.sessions());
        assertSame(a, vm.selectedProperty().get());
    }

    @Test
    void wrongCodeOnJoinEndsTheTabWithTheReason() {
        loaded();
        vm.codeInputProperty().set("418 290573");
        ConsoleSessionViewModel s = vm.join();
        identities.sessions.last().listener.onEnded(new SessionEnd(SessionEnd.Reason.WRONG_CODE, ""));
        assertEquals(SessionEnd.Reason.WRONG_CODE, s.endProperty().get().reason());
    }
}
