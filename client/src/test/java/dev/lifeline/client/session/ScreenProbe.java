package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.common.consent.ConsentSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A session listener that records what screen sharing did; pictures are copied whole. */
class ScreenProbe implements SessionListener {
    record Picture(int width, int height, int[] pixels, long drawnAtNanos) {
    }

    final CompletableFuture<PeerInfo> secured = new CompletableFuture<>();
    final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    final List<ScreenShareState> states = new ArrayList<>();
    final List<Picture> pictures = new ArrayList<>();
    final List<ScreenStats> stats = new ArrayList<>();
    final List<String> chat = new ArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<ConsentPrompt> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<ConsentSnapshot> consents = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Refusal> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicLong drawn = new AtomicLong();
    final List<dev.lifeline.client.control.ControlStatus> controlStatuses = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Simulates a slow screen: drawn() is called this long after the picture arrived. */
    volatile long drawDelayMs;
    private final ScheduledExecutorService slowUi = Executors.newSingleThreadScheduledExecutor();

    @Override
    public void onSecured(PeerInfo peer) {
        secured.complete(peer);
    }

    @Override
    public void onEnded(SessionEnd end) {
        ended.complete(end);
        slowUi.shutdown();
    }

    @Override
    public synchronized void onChat(ChatLine line) {
        if (!line.mine()) {
            chat.add(line.text());
        }
    }

    @Override
    public void onConsentRequested(ConsentPrompt prompt) {
        prompts.add(prompt);
    }

    @Override
    public void onConsentChanged(ConsentSnapshot consent) {
        consents.add(consent);
    }

    @Override
    public void onRefused(Refusal refusal) {
        refusals.add(refusal);
    }

    final List<dev.lifeline.client.diagnostics.DiagnosticsActivity> diagnosticsProgress = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<dev.lifeline.client.diagnostics.DiagnosticsReview> reviews = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<dev.lifeline.common.wire.diagnostics.ProbeResult> diagnosticsResults = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onDiagnosticsProgress(dev.lifeline.client.diagnostics.DiagnosticsActivity activity) {
        diagnosticsProgress.add(activity);
    }

    @Override
    public void onDiagnosticsReview(dev.lifeline.client.diagnostics.DiagnosticsReview review) {
        reviews.add(review);
    }

    @Override
    public void onDiagnosticsResult(long requestId, dev.lifeline.common.wire.diagnostics.ProbeResult result) {
        diagnosticsResults.add(result);
    }

    @Override
    public void onControlStatus(dev.lifeline.client.control.ControlStatus status) {
        controlStatuses.add(status);
    }

    dev.lifeline.client.control.ControlStatus lastControl() {
        return controlStatuses.isEmpty() ? dev.lifeline.client.control.ControlStatus.OFF
                : controlStatuses.get(controlStatuses.size() - 1);
    }

    ConsentSnapshot lastConsent() {
        return consents.isEmpty() ? ConsentSnapshot.NOTHING : consents.get(consents.size() - 1);
    }

    @Override
    public void onScreenRequested() {
        requests.incrementAndGet();
    }

    @Override
    public synchronized void onScreenShare(ScreenShareState state) {
        states.add(state);
    }

    @Override
    public void onScreenFrame(RemoteScreenFrame frame) {
        synchronized (this) {
            pictures.add(new Picture(frame.image().width(), frame.image().height(), frame.image().pixels().clone(), System.nanoTime()));
        }
        long delay = drawDelayMs;
        Runnable done = () -> {
            drawn.incrementAndGet();
            frame.drawn();
        };
        if (delay > 0) {
            try {
                slowUi.schedule(done, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException testOver) {
                // a frame still decoding when the test shut the probe down
            }
        } else {
            done.run();
        }
    }

    @Override
    public synchronized void onScreenStats(ScreenStats s) {
        stats.add(s);
    }

    synchronized ScreenShareState lastState() {
        return states.isEmpty() ? ScreenShareState.OFF : states.get(states.size() - 1);
    }

    synchronized int pictureCount() {
        return pictures.size();
    }

    synchronized List<Picture> pictures() {
        return List.copyOf(pictures);
    }

    void awaitState(ScreenShareState.Status status) {
        awaitTrue(() -> lastState().status() == status, "screen state " + status + "; states so far: " + statesSoFar());
    }

    private synchronized List<ScreenShareState.Status> statesSoFar() {
        return states.stream().map(ScreenShareState::status).toList();
    }

    void awaitPictures(int count) {
        awaitTrue(() -> pictureCount() >= count, count + " pictures (have " + pictureCount() + ")");
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 20 s for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
