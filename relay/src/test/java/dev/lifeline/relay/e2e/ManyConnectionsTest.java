package dev.lifeline.relay.e2e;

import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the first frame after the TLS handshake must always be read, whether it arrives in
 * the same TCP segment as the client's Finished or later (the relay once stalled on the latter).
 */
class ManyConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void helloIsAnsweredWhetherItComesWithTheHandshakeOrAfterIt() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (RunningRelay relay = RelayServer.start(RelayConfig.builder()
                .bindAddress("127.0.0.1").port(0).dataDir(dir).build())) {
            for (int i = 0; i < 60; i++) {
                try (TestClient client = TestClient.connect(group, relay.port(), relay.certificateFingerprint())) {
                    if (i % 2 == 0) {
                        client.ssl.handshakeFuture().sync(); // Hello in its own segment, after the handshake
                    }
                    client.hello(i % 3 == 0 ? Role.CUSTOMER : Role.TECHNICIAN);
                }
            }
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
