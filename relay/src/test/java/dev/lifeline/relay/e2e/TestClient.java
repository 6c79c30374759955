package dev.lifeline.relay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import dev.lifeline.common.transport.ClientTls;
import dev.lifeline.common.wire.RelayFrameDecoder;
import dev.lifeline.common.wire.RelayFrameEncoder;
import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.Hello;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal relay client for tests: the common codec over ClientTls.pinned, frames into a queue. */
final class TestClient implements AutoCloseable {
    final Channel channel;
    final SslHandler ssl;
    private final BlockingQueue<RelayFrame> queue;

    private TestClient(Channel channel, SslHandler ssl, BlockingQueue<RelayFrame> queue) {
        this.channel = channel;
        this.ssl = ssl;
        this.queue = queue;
    }

    static TestClient connect(EventLoopGroup group, int port, String fingerprint) throws Exception {
        var context = ClientTls.pinned(fingerprint);
        BlockingQueue<RelayFrame> queue = new LinkedBlockingQueue<>();
        SslHandler[] ssl = new SslHandler[1];
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ssl[0] = context.newHandler(ch.alloc(), "localhost", port);
                        ch.pipeline().addLast(ssl[0], new RelayFrameDecoder(), RelayFrameEncoder.INSTANCE,
                                new SimpleChannelInboundHandler<RelayFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, RelayFrame msg) {
                                        queue.add(msg);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                })
                .connect("127.0.0.1", port).sync().channel();
        return new TestClient(channel, ssl[0], queue);
    }

    void send(RelayFrame frame) {
        channel.writeAndFlush(frame).syncUninterruptibly();
    }

    void sendRaw(ByteBuf bytes) {
        channel.writeAndFlush(bytes).syncUninterruptibly();
    }

    RelayFrame next() throws InterruptedException {
        RelayFrame frame = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within 10 s");
        return frame;
    }

    RelayFrame next(RelayFrame.BodyCase expected) throws InterruptedException {
        RelayFrame frame = next();
        assertEquals(expected, frame.getBodyCase(), () -> "got " + frame);
        return frame;
    }

    RelayFrame poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    void hello(Role role) throws InterruptedException {
        send(RelayFrame.newBuilder().setHello(Hello.newBuilder()
                .setProtocolVersion(WireLimits.PROTOCOL_VERSION).setRole(role).setAppVersion("test")).build());
        next(RelayFrame.BodyCase.WELCOME);
    }

    static RelayFrame data(long seq, String text) {
        return RelayFrame.newBuilder().setData(Data.newBuilder().setSeq(seq)
                .setPayload(ByteString.copyFromUtf8(text))).build();
    }

    boolean awaitClosed() {
        return channel.closeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
