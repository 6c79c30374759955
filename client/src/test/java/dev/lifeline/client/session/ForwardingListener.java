package dev.lifeline.client.session;

import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.common.pairing.SessionCode;

/** Tells the code to one listener and everything else to another (tests). */
final class ForwardingListener implements SessionListener {
    private final SessionListener codes;
    private final SessionListener rest;

    ForwardingListener(SessionListener codes, SessionListener rest) {
        this.codes = codes;
        this.rest = rest;
    }

    @Override
    public void onCodeReady(SessionCode code, long expiresAtEpochMs) {
        codes.onCodeReady(code, expiresAtEpochMs);
    }

    @Override
    public void onSecured(PeerInfo peer) {
        rest.onSecured(peer);
    }

    @Override
    public void onChat(ChatLine line) {
        rest.onChat(line);
    }

    @Override
    public void onScreenRequested() {
        rest.onScreenRequested();
    }

    @Override
    public void onScreenShare(ScreenShareState state) {
        rest.onScreenShare(state);
    }

    @Override
    public void onScreenFrame(RemoteScreenFrame frame) {
        rest.onScreenFrame(frame);
    }

    @Override
    public void onScreenStats(ScreenStats stats) {
        rest.onScreenStats(stats);
    }

    @Override
    public void onEnded(SessionEnd end) {
        rest.onEnded(end);
    }

    @Override
    public void onConsentRequested(dev.lifeline.client.consent.ConsentPrompt prompt) {
        rest.onConsentRequested(prompt);
    }

    @Override
    public void onConsentChanged(dev.lifeline.common.consent.ConsentSnapshot consent) {
        rest.onConsentChanged(consent);
    }

    @Override
    public void onRefused(dev.lifeline.client.consent.Refusal refusal) {
        rest.onRefused(refusal);
    }

    @Override
    public void onFileOffered(dev.lifeline.client.transfer.FileOffered offer) {
        rest.onFileOffered(offer);
    }

    @Override
    public void onTransfer(dev.lifeline.common.transfer.TransferStatus status) {
        rest.onTransfer(status);
    }

    @Override
    public void onClipboard(dev.lifeline.client.clipboard.ClipboardEvent event) {
        rest.onClipboard(event);
    }

    @Override
    public void onClipboardText(String text) {
        rest.onClipboardText(text);
    }

    @Override
    public void onLinkState(LinkState state) {
        rest.onLinkState(state);
    }

    @Override
    public void onDiagnosticsProgress(dev.lifeline.client.diagnostics.DiagnosticsActivity activity) {
        rest.onDiagnosticsProgress(activity);
    }

    @Override
    public void onDiagnosticsReview(dev.lifeline.client.diagnostics.DiagnosticsReview review) {
        rest.onDiagnosticsReview(review);
    }

    @Override
    public void onDiagnosticsResult(long requestId, dev.lifeline.common.wire.diagnostics.ProbeResult result) {
        rest.onDiagnosticsResult(requestId, result);
    }

    @Override
    public void onControlStatus(dev.lifeline.client.control.ControlStatus status) {
        rest.onControlStatus(status);
    }
}
