package dev.lifeline.client.player;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.recording.FetchAuthorisation;
import dev.lifeline.common.wire.recording.RecordingPiece;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;

/**
 * Fetches a recording from the relay into a local file: a {@code FetchRecording} signed with the
 * fetch key derived from the lead's recording key (the relay checks it against the organisation's
 * fetch public key), then the file in pieces. Until accounts and roles exist (issue 6), holding the
 * recording key is what makes a lead.
 */
public final class RecordingFetch {
    /** Refuse anything larger than the relay's own per-session limit could produce. */
    static final long MAX_BYTES = 64L << 30;

    private RecordingFetch() {
    }

    public static void fetch(RelayEndpoint endpoint, String sessionIdHex, RecordingKeyPair key, Path out,
                             Clock clock, DoubleConsumer progress) throws IOException, PlaybackException {
        byte[] sessionId;
        try {
            sessionId = HexFormat.of().parseHex(sessionIdHex.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlaybackException("a session id is 32 hex digits");
        }
        if (sessionId.length != 16) {
            throw new PlaybackException("a session id is 32 hex digits");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (OutputStream file = Files.newOutputStream(out)) {
            long[] received = {0};
            RelayLink.Listener listener = new RelayLink.Listener() {
                @Override
                public void onFrame(RelayFrame frame) {
                    try {
                        switch (frame.getBodyCase()) {
                            case RECORDING_PIECE -> {
                                RecordingPiece piece = frame.getRecordingPiece();
                                received[0] += piece.getData().size();
                                if (received[0] > MAX_BYTES) {
                                    done.completeExceptionally(new PlaybackException("the relay sent too much"));
                                    return;
                                }
                                piece.getData().writeTo(file);
                                if (piece.getTotalBytes() > 0) {
                                    progress.accept((double) received[0] / piece.getTotalBytes());
                                }
                                if (piece.getLast()) {
                                    done.complete(null);
                                }
                            }
                            case ERROR -> done.completeExceptionally(new PlaybackException(
                                    "the relay refused: " + frame.getError().getMessage()));
                            default -> { }
                        }
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    }
                }

                @Override
                public void onClosed(Throwable cause) {
                    done.completeExceptionally(new PlaybackException("the relay closed the connection before the"
                            + " recording was complete" + (cause == null ? "" : ": " + cause.getMessage())));
                }
            };
            RelayLink link = RelayLink.connect(group.next(), endpoint, Role.TECHNICIAN, listener).get(15, TimeUnit.SECONDS);
            link.send(RelayFrame.newBuilder().setFetchRecording(
                    FetchAuthorisation.request(sessionId, clock.millis(), key.fetchSigningKey())).build());
            done.get(10, TimeUnit.MINUTES);
            link.close();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PlaybackException p) {
                throw p;
            }
            throw new PlaybackException("cannot fetch the recording: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PlaybackException("the relay did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybackException("interrupted");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
