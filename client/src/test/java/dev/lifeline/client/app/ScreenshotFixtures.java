package dev.lifeline.client.app;

import dev.lifeline.client.console.ConsoleSessionViewModel;
import dev.lifeline.client.console.ConsoleViewModel;
import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the windows with fake services in interesting states, for looking at them (e.g. under
 * {@code xvfb-run}). Not a test. Arguments: {@code gethelp} (four Get Help windows),
 * {@code gethelp2} (four more states), {@code console} (Console plus German Get Help),
 * {@code gethelpscreen} (screen sharing: consent, banner, paused, notice), {@code consolescreen}
 * (Console showing a made-up customer screen), {@code consolescreen2} (default-size Console in German,
 * waiting for the customer to allow), optionally followed by a language tag for all windows.
 */
public final class ScreenshotFixtures {
    private static final Instant NOW = Instant.now();

    public static void main(String[] args) {
        Application.launch(Fx.class, args);
    }

    /** A nested Application so the plain-classpath launcher check does not refuse to start. */
    public static final class Fx extends Application {
        @Override
        public void start(Stage first) {
            new ScreenshotFixtures().open(first, getParameters().getRaw());
        }
    }

    void open(Stage first, List<String> args) {
        String set = args.isEmpty() ? "gethelp" : args.get(0);
        Locale forced = args.size() > 1 ? Locale.forLanguageTag(args.get(1)) : null;
        switch (set) {
            case "console" -> console(first, forced);
            case "gethelp2" -> getHelpMore(first, forced);
            case "gethelpscreen" -> getHelpScreen(first, forced);
            case "consolescreen" -> consoleScreen(first, forced);
            case "consolescreen2" -> consoleScreenWaiting(first, forced);
            case "handover" -> getHelpHandover(first, forced);
            case "files" -> files(first, forced);
            default -> getHelp(first, forced);
        }
    }

    private static Locale or(Locale forced, Locale fallback) {
        return forced != null ? forced : fallback;
    }

    private static GetHelpViewModel helpWindow(Stage stage, int column, Locale locale, String pinned,
            FakeSessions.Customer sessions) {
        GetHelpViewModel vm = new GetHelpViewModel(sessions, Runnable::run, Clock.systemUTC(), pinned);
        Scene scene = GetHelpApp.createScene(vm, new Messages(locale));
        stage.setScene(scene);
        stage.setX(10 + column * 470);
        stage.setY(10);
        stage.show();
        return vm;
    }

    private static FakeHandle started(GetHelpViewModel vm, FakeSessions.Customer sessions, String name) {
        vm.customerNameProperty().set(name);
        vm.getHelp();
        return sessions.last();
    }

    private void getHelp(Stage first, Locale forced) {
        FakeSessions.Customer s = new FakeSessions.Customer();
        helpWindow(first, 0, or(forced, Locale.ENGLISH), "ACME Support", s);

        GetHelpViewModel waiting = helpWindow(new Stage(), 1, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle w = started(waiting, s, "Bob");
        w.listener.onCodeReady(SessionCode.parse("418290573"), NOW.plusSeconds(600).toEpochMilli());
        w.listener.onWrongCodeAttempt(2);

        GetHelpViewModel secured = helpWindow(new Stage(), 2, or(forced, Locale.GERMAN), "ACME Support", s);
        FakeHandle c = started(secured, s, "Bob");
        c.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        c.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support GmbH", PeerInfo.Trust.VERIFIED, ""));
        c.listener.onChat(new ChatLine("Hallo Bob, ich bin Alice von ACME. Wobei kann ich helfen?", NOW.minusSeconds(90), false));
        secured.chat().draftProperty().set("Mein Drucker druckt seit heute Morgen nur leere Seiten.");
        secured.chat().send();
        c.listener.onChat(new ChatLine("Verstanden, ich schaue mir das an.", NOW, false));

        GetHelpViewModel untrusted = helpWindow(new Stage(), 3, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle u = started(untrusted, s, "Bob");
        u.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        u.listener.onSecured(new PeerInfo("Mallory Smith", "Definitely ACME Ltd", PeerInfo.Trust.UNTRUSTED,
                "certificate is not signed by the ACME Support root"));
    }

    private void getHelpMore(Stage first, Locale forced) {
        FakeSessions.Customer s = new FakeSessions.Customer();
        GetHelpViewModel burned = helpWindow(first, 0, or(forced, new Locale("ro")), "ACME Support", s);
        FakeHandle b = started(burned, s, "");
        b.listener.onCodeReady(SessionCode.parse("418290573"), NOW.plusSeconds(600).toEpochMilli());
        b.listener.onCodeBurned(3);
        b.listener.onCodeReady(SessionCode.parse("1047 551 208"), NOW.plusSeconds(600).toEpochMilli());

        GetHelpViewModel noRoot = helpWindow(new Stage(), 1, or(forced, new Locale("nl")), null, s);
        FakeHandle n = started(noRoot, s, "");
        n.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.NO_PINNED_ROOT, ""));
        n.listener.onLinkState(LinkState.PEER_AWAY);

        GetHelpViewModel ended = helpWindow(new Stage(), 2, or(forced, new Locale("es")), "ACME Support", s);
        FakeHandle e = started(ended, s, "");
        e.listener.onEnded(new SessionEnd(SessionEnd.Reason.RELAY_ERROR, ""));

        helpWindow(new Stage(), 3, or(forced, Locale.GERMAN), "ACME Support", s);
    }

    private static FakeHandle securedWith(GetHelpViewModel vm, FakeSessions.Customer s, PeerInfo technician) {
        FakeHandle h = started(vm, s, "Bob");
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        h.listener.onSecured(technician);
        return h;
    }

    /** Issue 6: a watcher in the screen banner, the watch question, and the notice after a transfer. */
    private void getHelpHandover(Stage first, Locale forced) {
        FakeSessions.Customer s = new FakeSessions.Customer();
        PeerInfo alice = new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, "");
        dev.lifeline.client.handover.CustomerHandoverNotice watch = new dev.lifeline.client.handover.CustomerHandoverNotice(
                dev.lifeline.client.handover.HandoverEvent.Kind.WATCH, "Alice Meyer", "Bob Stone");

        GetHelpViewModel watched = helpWindow(first, 0, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle a = securedWith(watched, s, alice);
        a.sharing(FakeSessions.monitor(0, 1920, 1080));
        a.listener.onChat(new ChatLine("I have asked my colleague Bob to watch, he knows this printer well.", NOW.minusSeconds(50), false));
        a.listener.onHandoverNotice(watch);
        watched.handover().allowWatch();
        a.listener.onWatchers(List.of("Bob Stone"));
        a.listener.onChat(new ChatLine("Bob Stone: Hello! I am only watching.", NOW, false));

        GetHelpViewModel asked = helpWindow(new Stage(), 1, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle b = securedWith(asked, s, alice);
        b.sharing(FakeSessions.monitor(0, 1920, 1080));
        b.listener.onHandoverNotice(watch);

        GetHelpViewModel handedOver = helpWindow(new Stage(), 2, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle c = securedWith(handedOver, s, alice);
        c.listener.onChat(new ChatLine("My shift ends now; Bob will take over from here.", NOW.minusSeconds(40), false));
        c.listener.onHandoverNotice(new dev.lifeline.client.handover.CustomerHandoverNotice(
                dev.lifeline.client.handover.HandoverEvent.Kind.TRANSFER, "Alice Meyer", "Bob Stone"));
        c.listener.onPeerJoined();
        c.listener.onSecured(new PeerInfo("Bob Stone", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        c.listener.onChat(new ChatLine("Hi, Bob here. Could you show me the screen again?", NOW, false));
    }

    private void getHelpScreen(Stage first, Locale forced) {
        FakeSessions.Customer s = new FakeSessions.Customer();
        PeerInfo alice = new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, "");

        GetHelpViewModel asked = helpWindow(first, 0, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle a = securedWith(asked, s, alice);
        a.listener.onChat(new ChatLine("Could you show me your screen? I will send a request.", NOW, false));
        a.listener.onScreenRequested();

        GetHelpViewModel sharing = helpWindow(new Stage(), 1, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle b = securedWith(sharing, s, alice);
        b.listener.onChat(new ChatLine("Could you show me your screen? I will send a request.", NOW.minusSeconds(60), false));
        b.sharing(FakeSessions.monitor(0, 1920, 1080));
        b.listener.onChat(new ChatLine("Thanks, I can see the printer dialog now.", NOW, false));

        GetHelpViewModel paused = helpWindow(new Stage(), 2, or(forced, Locale.GERMAN), "ACME Support", s);
        FakeHandle c = securedWith(paused, s, alice);
        c.sharing(FakeSessions.monitor(0, 1920, 1080));
        paused.screen().pause();

        GetHelpViewModel untrusted = helpWindow(new Stage(), 3, or(forced, Locale.ENGLISH), "ACME Support", s);
        FakeHandle d = securedWith(untrusted, s, new PeerInfo("Mallory Smith", "Definitely ACME Ltd",
                PeerInfo.Trust.UNTRUSTED, "certificate is not signed by the ACME Support root"));
        d.listener.onScreenRequested();
    }

    /** A made-up desktop: blue wallpaper, a window with a title bar, a few "text" lines. */
    static dev.lifeline.common.screen.ScreenImage madeUpDesktop(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (0x20 + y * 0x40 / h) << 16 | (0x50 + y * 0x40 / h) << 8 | (0x90 + x * 0x50 / w);
            }
        }
        fill(px, w, 0, h - 40, w, 40, 0x1F2328);
        fill(px, w, w / 6, h / 8, w * 2 / 3, h * 2 / 3, 0xF6F8FA);
        fill(px, w, w / 6, h / 8, w * 2 / 3, 36, 0xD0D7DE);
        fill(px, w, w / 6 + w * 2 / 3 - 30, h / 8 + 10, 16, 16, 0xCF222E);
        for (int i = 0; i < 9; i++) {
            fill(px, w, w / 6 + 40, h / 8 + 70 + i * 34, (w / 2) - (i % 3) * 90, 12, 0x57606A);
        }
        fill(px, w, w / 6 + 40, h / 8 + 420, 160, 44, 0x0969DA);
        return new dev.lifeline.common.screen.ScreenImage(w, h, px);
    }

    private static void fill(int[] px, int stride, int x0, int y0, int w, int h, int rgb) {
        for (int y = y0; y < y0 + h; y++) {
            java.util.Arrays.fill(px, y * stride + x0, y * stride + x0 + w, rgb);
        }
    }

    private void consoleScreen(Stage first, Locale forced) {
        FakeSessions.Identities ids = new FakeSessions.Identities();
        ConsoleViewModel vm = new ConsoleViewModel(ids, Runnable::run, Runnable::run, Clock.systemUTC());
        first.setScene(ConsoleApp.createScene(vm, new Messages(or(forced, Locale.ENGLISH))));
        first.setWidth(1400);
        first.setHeight(860);
        first.setX(10);
        first.setY(10);
        first.show();
        vm.loadIdentity(Path.of("alice.id"), new char[0]);
        vm.codeInputProperty().set("418 · 290 573");
        ConsoleSessionViewModel bob = vm.join();
        FakeHandle h = ids.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob Fischer"));
        h.listener.onChat(new ChatLine("Hi, my printer only prints blank pages since this morning.", NOW.minusSeconds(120), false));
        bob.chat().draftProperty().set("Hello Bob, I am Alice from ACME. May I see your screen?");
        bob.chat().send();
        bob.screen().requestScreen();
        h.sharing(FakeSessions.monitor(0, 1920, 1080), FakeSessions.monitor(1, 1280, 1024));
        h.pushFrame(madeUpDesktop(1920, 1080), new dev.lifeline.common.screen.ScreenRect(0, 0, 1920, 1080), 700, 560);
        h.listener.onScreenStats(new dev.lifeline.client.screen.ScreenStats(24, 38, 150_000));

        vm.codeInputProperty().set("777 123456");
        vm.join();
        FakeHandle waiting = ids.sessions.last();
        waiting.listener.onSecured(PeerInfo.customer("Carla"));
        vm.selectedProperty().set(bob);
    }

    private void consoleScreenWaiting(Stage first, Locale forced) {
        FakeSessions.Identities ids = new FakeSessions.Identities();
        ConsoleViewModel vm = new ConsoleViewModel(ids, Runnable::run, Runnable::run, Clock.systemUTC());
        first.setScene(ConsoleApp.createScene(vm, new Messages(or(forced, Locale.GERMAN))));
        first.setX(10);
        first.setY(10);
        first.show();
        vm.loadIdentity(Path.of("alice.id"), new char[0]);
        vm.codeInputProperty().set("418 · 290 573");
        ConsoleSessionViewModel bob = vm.join();
        FakeHandle h = ids.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob Fischer"));
        h.listener.onChat(new ChatLine("Hallo, mein Drucker druckt nur leere Seiten.", NOW.minusSeconds(120), false));
        bob.screen().requestScreen();
    }

    private void console(Stage first, Locale forced) {
        FakeSessions.Identities ids = new FakeSessions.Identities();
        ConsoleViewModel vm = new ConsoleViewModel(ids, Runnable::run, Runnable::run, Clock.systemUTC());
        first.setScene(ConsoleApp.createScene(vm, new Messages(or(forced, Locale.ENGLISH))));
        first.setX(10);
        first.setY(10);
        first.show();
        vm.loadIdentity(Path.of("alice.id"), new char[0]);

        vm.codeInputProperty().set("777 123456");
        ConsoleSessionViewModel ended = vm.join();
        ids.sessions.last().listener.onEnded(new SessionEnd(SessionEnd.Reason.WRONG_CODE, ""));

        vm.codeInputProperty().set("418 · 290 573");
        ConsoleSessionViewModel bob = vm.join();
        FakeHandle h = ids.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob Fischer"));
        h.listener.onChat(new ChatLine("Hi, my printer only prints blank pages since this morning.", NOW.minusSeconds(120), false));
        bob.chat().draftProperty().set("Hello Bob, I am Alice from ACME. Let me have a look.");
        bob.chat().send();
        h.listener.onLinkState(LinkState.PEER_AWAY);
        vm.codeInputProperty().set("41829");
        vm.join();

        ConsoleViewModel empty = new ConsoleViewModel(ids, Runnable::run, Runnable::run, Clock.systemUTC());
        Stage second = new Stage();
        second.setScene(ConsoleApp.createScene(empty, new Messages(or(forced, Locale.GERMAN))));
        second.setWidth(900);
        second.setHeight(340);
        second.setX(1020);
        second.setY(10);
        second.show();
        ids.failWith = dev.lifeline.client.session.IdentityLoadException.Problem.WRONG_PASSPHRASE;
        empty.loadIdentity(Path.of("alice.id"), new char[0]);
        Platform.runLater(() -> { });
    }

    private static dev.lifeline.common.transfer.TransferStatus transfer(long id, dev.lifeline.common.transfer.TransferStatus.Direction d,
            String name, long size, long done, dev.lifeline.common.transfer.TransferState state,
            dev.lifeline.common.transfer.TransferError error, String savedAs) {
        return new dev.lifeline.common.transfer.TransferStatus(id, d, name, size, done, state, error, "", savedAs);
    }

    /** Files and clipboard: the Console's panel with transfers, Get Help's offer card and clipboard notice. */
    private void files(Stage first, Locale forced) {
        var out = dev.lifeline.common.transfer.TransferStatus.Direction.OUTGOING;
        var in = dev.lifeline.common.transfer.TransferStatus.Direction.INCOMING;
        var granted = new dev.lifeline.common.consent.ConsentSnapshot(java.util.Map.of(
                dev.lifeline.common.consent.Capability.TRANSFER_FILES, dev.lifeline.common.consent.ConsentStatus.GRANTED,
                dev.lifeline.common.consent.Capability.CLIPBOARD, dev.lifeline.common.consent.ConsentStatus.GRANTED,
                dev.lifeline.common.consent.Capability.VIEW_SCREEN, dev.lifeline.common.consent.ConsentStatus.GRANTED),
                java.util.Optional.empty());

        FakeSessions.Identities ids = new FakeSessions.Identities();
        ConsoleViewModel vm = new ConsoleViewModel(ids, Runnable::run, Runnable::run, Clock.systemUTC());
        first.setScene(ConsoleApp.createScene(vm, new Messages(or(forced, Locale.ENGLISH))));
        first.setX(0);
        first.setY(0);
        first.setWidth(1180);
        first.setHeight(760);
        first.show();
        vm.loadIdentity(Path.of("alice.id"), new char[0]);
        vm.codeInputProperty().set("418 · 290 573");
        vm.join();
        FakeHandle h = ids.sessions.last();
        h.listener.onSecured(PeerInfo.customer("Bob Fischer"));
        h.listener.onConsentChanged(granted);
        h.listener.onChat(new ChatLine("The installer says the driver is missing.", NOW.minusSeconds(60), false));
        h.listener.onTransfer(transfer(1, out, "printer-driver-5.2.exe", 52_428_800, 31_457_280,
                dev.lifeline.common.transfer.TransferState.RUNNING, null, ""));
        h.listener.onTransfer(transfer(2, out, "cleanup.ps1", 4_812, 4_812,
                dev.lifeline.common.transfer.TransferState.COMPLETED, null, "cleanup.ps1"));
        h.listener.onTransfer(transfer(1, in, "spooler-errors.log", 1_204_224, 1_204_224,
                dev.lifeline.common.transfer.TransferState.COMPLETED, null, "spooler-errors.log"));
        h.listener.onTransfer(transfer(3, out, "old-config.zip", 8_000_000, 2_000_000,
                dev.lifeline.common.transfer.TransferState.FAILED, dev.lifeline.common.transfer.TransferError.SESSION_ENDED, ""));
        h.listener.onClipboard(new dev.lifeline.client.clipboard.ClipboardEvent(
                dev.lifeline.client.clipboard.ClipboardEvent.Kind.READ_BY_TECHNICIAN, 31));

        FakeSessions.Customer s = new FakeSessions.Customer();
        Stage help = new Stage();
        GetHelpViewModel customer = new GetHelpViewModel(s, Runnable::run, Clock.systemUTC(), "ACME Support");
        help.setScene(GetHelpApp.createScene(customer, new Messages(or(forced, Locale.ENGLISH))));
        help.setX(1190);
        help.setY(0);
        help.setHeight(760);
        help.show();
        FakeHandle c = securedWith(customer, s, new PeerInfo("Alex Demo", "Lifeline Demo Support", PeerInfo.Trust.VERIFIED, ""));
        c.listener.onConsentChanged(granted);
        c.listener.onTransfer(transfer(1, out, "spooler-errors.log", 1_204_224, 1_204_224,
                dev.lifeline.common.transfer.TransferState.COMPLETED, null, "spooler-errors.log"));
        c.listener.onTransfer(transfer(1, in, "printer-driver-5.2.exe", 52_428_800, 31_457_280,
                dev.lifeline.common.transfer.TransferState.RUNNING, null, ""));
        c.listener.onTransfer(transfer(2, in, "cleanup.ps1", 4_812, 0, dev.lifeline.common.transfer.TransferState.OFFERED, null, ""));
        c.listener.onFileOffered(new dev.lifeline.client.transfer.FileOffered(2, "cleanup.ps1", 4_812));
        c.listener.onClipboard(new dev.lifeline.client.clipboard.ClipboardEvent(
                dev.lifeline.client.clipboard.ClipboardEvent.Kind.PUT_BY_TECHNICIAN, 24));
        customer.transfers().folderProperty().set(Path.of("/home/bob/Downloads"));
    }
}
