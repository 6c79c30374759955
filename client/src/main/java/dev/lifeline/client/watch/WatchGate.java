package dev.lifeline.client.watch;

import dev.lifeline.client.consent.ConsentMessages;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.wire.e2e.Refused;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.function.Consumer;

/**
 * The customer's check on every message from a watcher: a watcher may look (screen request,
 * pulls, quality and monitor choice) and chat, nothing else. Input, the laser, clipboard, files,
 * diagnostics and consent requests are refused whatever the watcher's app is — counted and
 * answered with {@link Refused}; they never reach a handler. An allowlist, so kinds added later
 * are refused until someone decides otherwise.
 */
public final class WatchGate {
    private final Consumer<SessionMessage> reply;
    private long refused;

    public WatchGate(Consumer<SessionMessage> reply) {
        this.reply = reply;
    }

    /** True if {@code message} may be handled; false if it was refused (and answered). */
    public boolean admit(SessionMessage message) {
        switch (message.getBodyCase()) {
            case SCREEN_REQUEST, SCREEN_PULL, SCREEN_CONTROL, CHAT, TYPING, END -> {
                return true;
            }
            default -> {
                refused++;
                reply.accept(SessionMessage.newBuilder().setRefused(Refused.newBuilder()
                        .setCapability(ConsentMessages.toWire(capabilityOf(message)))
                        .setMessageKind(message.getBodyCase().name().toLowerCase(java.util.Locale.ROOT))
                        .setCount(refused)).build());
                return false;
            }
        }
    }

    /** Messages refused so far. */
    public long refused() {
        return refused;
    }

    static Capability capabilityOf(SessionMessage message) {
        return switch (message.getBodyCase()) {
            case CLIPBOARD -> Capability.CLIPBOARD;
            case FILE_TRANSFER -> Capability.TRANSFER_FILES;
            case DIAGNOSTICS_REQUEST -> Capability.RUN_DIAGNOSTICS;
            default -> Capability.CONTROL_INPUT;
        };
    }
}
