package dev.lifeline.relay.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.recording.FetchAuthorisation;
import dev.lifeline.common.wire.recording.FetchRecording;
import dev.lifeline.common.wire.recording.RecordingPiece;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.relay.frames.Replies;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a lead's {@code FetchRecording}: checks the signature with the organisation's fetch key
 * ({@link FetchAuthorisation}), then streams the file as {@code RecordingPiece}s, the next piece
 * written only when the last one is on its way (a slow lead does not fill the relay's memory), and
 * closes the connection. The relay sends ciphertext it cannot open; the lead's key opens it.
 */
public final class RecordingFetches {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingFetches.class);
    static final int PIECE_BYTES = 512 * 1024;

    private final RecordingStore store;
    private final byte[] fetchPublicKey;
    private final Clock clock;

    public RecordingFetches(RecordingStore store, byte[] fetchPublicKey, Clock clock) {
        this.store = store;
        this.fetchPublicKey = fetchPublicKey.clone();
        this.clock = clock;
    }

    public void serve(Channel channel, FetchRecording request) {
        if (!FetchAuthorisation.verify(request, fetchPublicKey, clock.millis())) {
            Replies.fatal(channel, ErrorCode.UNEXPECTED_FRAME, "not authorised to fetch recordings (lead key and clock)");
            return;
        }
        String id = HexFormat.of().formatHex(request.getSessionId().toByteArray());
        Optional<SeekableByteChannel> file;
        try {
            file = store.open(id);
        } catch (IOException e) {
            LOG.warn("recording fetch failed: {}", e.toString());
            Replies.fatal(channel, ErrorCode.INTERNAL, "the recording cannot be read");
            return;
        }
        if (file.isEmpty()) {
            Replies.fatal(channel, ErrorCode.UNKNOWN_NAMEPLATE, "no recording of that session on this relay");
            return;
        }
        LOG.info("recording {} fetched by a lead", id.substring(0, 8));
        sendNext(channel, file.get());
    }

    private void sendNext(Channel channel, SeekableByteChannel file) {
        if (!channel.isActive()) {
            closeQuietly(file);
            return;
        }
        try {
            long total = file.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(PIECE_BYTES, Math.max(0, total - file.position())));
            while (buffer.hasRemaining() && file.read(buffer) >= 0) {
                // fill
            }
            boolean last = file.position() >= total;
            RelayFrame piece = RelayFrame.newBuilder().setRecordingPiece(RecordingPiece.newBuilder()
                    .setData(ByteString.copyFrom(buffer.array(), 0, buffer.position()))
                    .setLast(last).setTotalBytes(total)).build();
            if (last) {
                closeQuietly(file);
                channel.writeAndFlush(piece).addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.writeAndFlush(piece).addListener(f -> {
                    if (f.isSuccess()) {
                        sendNext(channel, file);
                    } else {
                        closeQuietly(file);
                    }
                });
            }
        } catch (IOException e) {
            closeQuietly(file);
            Replies.fatal(channel, ErrorCode.INTERNAL, "the recording cannot be read");
        }
    }

    private static void closeQuietly(SeekableByteChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
