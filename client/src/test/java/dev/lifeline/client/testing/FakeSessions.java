package dev.lifeline.client.testing;

import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.IdentityLoadException;
import dev.lifeline.client.session.LoadedTechnician;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianIdentities;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.client.session.TechnicianSessions;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Recording fakes of the session API: tests fire listener events by hand. */
public final class FakeSessions {
    private FakeSessions() {
    }

    /** One started or joined session: what was sent, whether it was ended, and its listener. */
    public static final class FakeHandle implements CustomerSessionHandle, TechnicianSessionHandle {
        public final String customerName;
        public final SessionCode code;
        public final SessionListener listener;
        public final List<String> sent = new CopyOnWriteArrayList<>();
        public volatile boolean ended;
        /** Screen calls in order: "request", "answer:true", "pause", "quality:SHARP", "monitor:1", ... */
        public final List<String> screenCalls = new CopyOnWriteArrayList<>();
        /** When true, end() answers with onEnded(ENDED_BY_ME) as the real session does. */
        public boolean echoEnd = true;
        /** How many pushed frames the viewer has marked drawn. */
        public final AtomicInteger framesDrawn = new AtomicInteger();

        public FakeHandle(String customerName, SessionCode code, SessionListener listener) {
            this.customerName = customerName;
            this.code = code;
            this.listener = listener;
        }

        @Override
        public void sendChat(String text) {
            sent.add(text);
        }

        @Override
        public void answerRecordingNotice(boolean accept) {
            screenCalls.add("recording:" + accept);
        }

        @Override
        public void answerScreenRequest(boolean allow) {
            screenCalls.add("answer:" + allow);
        }

        @Override
        public void pauseScreen() {
            screenCalls.add("pause");
        }

        @Override
        public void resumeScreen() {
            screenCalls.add("resume");
        }

        @Override
        public void stopScreen() {
            screenCalls.add("stop");
        }

        @Override
        public void requestScreen() {
            screenCalls.add("request");
        }

        @Override
        public void stopViewing() {
            screenCalls.add("stopViewing");
        }

        @Override
        public void setScreenQuality(Quality quality) {
            screenCalls.add("quality:" + quality);
        }

        @Override
        public void selectMonitor(int index) {
            screenCalls.add("monitor:" + index);
        }

        /** Consent calls in order: "grant:CLIPBOARD", "request:[CLIPBOARD, CONTROL_INPUT]:why", "giveUp:CLIPBOARD", ... */
        public final List<String> consentCalls = new CopyOnWriteArrayList<>();

        @Override
        public void grant(Capability capability) {
            consentCalls.add("grant:" + capability);
        }

        @Override
        public void deny(Capability capability) {
            consentCalls.add("deny:" + capability);
        }

        @Override
        public void revoke(Capability capability) {
            consentCalls.add("revoke:" + capability);
        }

        @Override
        public void requestCapabilities(Set<Capability> capabilities, String reason) {
            consentCalls.add("request:" + new TreeSet<>(capabilities) + ":" + reason);
        }

        @Override
        public void giveUp(Capability capability) {
            consentCalls.add("giveUp:" + capability);
        }

        /** Transfer and clipboard calls in order: "offer:report.pdf", "accept:3:/tmp/x", "decline:3", "cancel:3:OUTGOING", "retry:3", "clipboard-send:12", "clipboard-get". */
        public final List<String> transferCalls = new CopyOnWriteArrayList<>();
        public final dev.lifeline.common.timeline.SessionTimeline timeline =
                new dev.lifeline.common.timeline.SessionTimeline(java.time.Clock.systemUTC());

        @Override
        public void offerFile(java.nio.file.Path file) {
            transferCalls.add("offer:" + file.getFileName());
        }

        @Override
        public void acceptFile(long id, java.nio.file.Path folder) {
            transferCalls.add("accept:" + id + ":" + folder);
        }

        @Override
        public void declineFile(long id) {
            transferCalls.add("decline:" + id);
        }

        @Override
        public void cancelTransfer(long id, dev.lifeline.common.transfer.TransferStatus.Direction direction) {
            transferCalls.add("cancel:" + id + ":" + direction);
        }

        @Override
        public void retryTransfer(long id) {
            transferCalls.add("retry:" + id);
        }

        @Override
        public dev.lifeline.common.timeline.SessionTimeline timeline() {
            return timeline;
        }

        @Override
        public void sendClipboard(String text) {
            transferCalls.add("clipboard-send:" + text.length());
        }

        @Override
        public void requestClipboard() {
            transferCalls.add("clipboard-get");
        }

        /** Diagnostics calls in order: "request:1:[SYSTEM, STORAGE]", "send:1:[NETWORK]", "decline:1". */
        public final List<String> diagnosticsCalls = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong diagnosticsIds = new java.util.concurrent.atomic.AtomicLong();
        public volatile String sessionId = "00112233445566778899aabbccddeeff";

        @Override
        public long requestDiagnostics(java.util.Collection<dev.lifeline.common.wire.diagnostics.Probe> probes) {
            long id = diagnosticsIds.incrementAndGet();
            diagnosticsCalls.add("request:" + id + ":" + new TreeSet<>(probes));
            return id;
        }

        @Override
        public String sessionId() {
            return sessionId;
        }

        @Override
        public void sendDiagnostics(long requestId, java.util.Collection<dev.lifeline.common.wire.diagnostics.Probe> withheld) {
            diagnosticsCalls.add("send:" + requestId + ":" + new TreeSet<>(withheld));
        }

        @Override
        public void declineDiagnostics(long requestId) {
            diagnosticsCalls.add("decline:" + requestId);
        }

        /** Remote-control calls in order: input events as sent, "laser:0:10,20:true", "panic". */
        public final List<Object> controlCalls = new CopyOnWriteArrayList<>();

        @Override
        public void sendInput(RemoteInput input) {
            controlCalls.add(input);
        }

        @Override
        public void pointLaser(int monitor, int x, int y, boolean visible) {
            controlCalls.add("laser:" + monitor + ":" + x + "," + y + ":" + visible);
        }

        @Override
        public void panic() {
            controlCalls.add("panic");
        }

        /** Fires onScreenShare(SHARING) with these monitors, the first one active, quality AUTO. */
        public void sharing(MonitorInfo... monitors) {
            listener.onScreenShare(new ScreenShareState(ScreenShareState.Status.SHARING, List.of(monitors), 0,
                    Quality.AUTO, ""));
        }

        /** Fires onScreenShare with a status and detail, no monitors. */
        public void screenState(ScreenShareState.Status status, String detail) {
            listener.onScreenShare(ScreenShareState.OFF.with(status, detail));
        }

        /** Fires onScreenFrame as the decoder would, counting drawn() in {@link #framesDrawn}. */
        public void pushFrame(ScreenImage image, ScreenRect changed, int cursorX, int cursorY) {
            pushFrame(image, changed, cursorX, cursorY, null);
        }

        public void pushFrame(ScreenImage image, ScreenRect changed, int cursorX, int cursorY,
                              dev.lifeline.client.screen.CursorShape shape) {
            listener.onScreenFrame(new RemoteScreenFrame(image, changed, false, cursorX, cursorY, true, shape,
                    framesDrawn::incrementAndGet));
        }

        /**
         * Issue 6: transfer and watch calls in order: "handOver:B", "inviteToWatch:B", "answerWatch:true", ...;
         * a problem or note is added as "|problem|note".
         */
        public final List<String> handoverCalls = new CopyOnWriteArrayList<>();

        @Override
        public void handOver(String technician, dev.lifeline.client.handover.HandoverNote note) {
            handoverCalls.add("handOver:" + technician + card(note));
        }

        @Override
        public void inviteToWatch(String technician, dev.lifeline.client.handover.HandoverNote note) {
            handoverCalls.add("inviteToWatch:" + technician + card(note));
        }

        private static String card(dev.lifeline.client.handover.HandoverNote note) {
            return note.problem().isEmpty() && note.note().isEmpty() ? "" : "|" + note.problem() + "|" + note.note();
        }

        @Override
        public void endWatch(String technician) {
            handoverCalls.add("endWatch:" + technician);
        }

        @Override
        public void answerWatch(boolean allow) {
            handoverCalls.add("answerWatch:" + allow);
        }

        @Override
        public void removeWatcher(String name) {
            handoverCalls.add("removeWatcher:" + name);
        }

        @Override
        public void end() {
            ended = true;
            if (echoEnd) {
                listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_ME, ""));
            }
        }
    }

    /** A picture of one colour (0xRRGGBB; the top byte left 0 as the decoder may leave it). */
    public static ScreenImage solid(int width, int height, int rgb) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, rgb);
        return new ScreenImage(width, height, pixels);
    }

    public static MonitorInfo monitor(int index, int width, int height) {
        return new MonitorInfo(index, "Display " + (index + 1), index * width, 0, width, height, index == 0);
    }

    public static class Customer implements CustomerSessions {
        public final List<FakeHandle> started = new CopyOnWriteArrayList<>();

        @Override
        public CustomerSessionHandle start(String customerName, SessionListener listener) {
            FakeHandle h = new FakeHandle(customerName, null, listener);
            started.add(h);
            return h;
        }

        public FakeHandle last() {
            return started.get(started.size() - 1);
        }
    }

    public static class Technician implements TechnicianSessions {
        public final List<FakeHandle> joined = new CopyOnWriteArrayList<>();

        @Override
        public TechnicianSessionHandle join(SessionCode code, SessionListener listener) {
            FakeHandle h = new FakeHandle("", code, listener);
            joined.add(h);
            return h;
        }

        public FakeHandle last() {
            return joined.get(joined.size() - 1);
        }
    }

    /** Loads "good.id" (any passphrase "secret" or empty) and fails with a set problem otherwise. */
    public static final class Identities implements TechnicianIdentities {
        public final Technician sessions = new Technician();
        public final List<Path> loaded = new ArrayList<>();
        public IdentityLoadException.Problem failWith;
        public String requiredPassphrase = "";

        @Override
        public LoadedTechnician load(Path identityFile, char[] passphrase) throws IdentityLoadException {
            loaded.add(identityFile);
            if (failWith != null) {
                throw new IdentityLoadException(failWith, "fake " + failWith, null);
            }
            if (!requiredPassphrase.equals(new String(passphrase))) {
                throw new IdentityLoadException(IdentityLoadException.Problem.WRONG_PASSPHRASE, "bad passphrase", null);
            }
            return new LoadedTechnician("Alice Meyer", "ACME Support", Instant.parse("2027-06-30T00:00:00Z"), sessions);
        }
    }
}
