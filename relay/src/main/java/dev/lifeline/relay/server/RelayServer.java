package dev.lifeline.relay.server;

import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.Welcome;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.pairing.Lobby;
import dev.lifeline.relay.pairing.NameplateRegistry;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import dev.lifeline.relay.tls.RelayCertificate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.netty.util.concurrent.GlobalEventExecutor;
import dev.lifeline.relay.handover.HandoverDesk;
import dev.lifeline.relay.teamserver.TeamServer;
import java.io.IOException;
import java.sql.SQLException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a relay: TLS listener, lobby, forwarding. */
public final class RelayServer {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);

    private RelayServer() {
    }

    public static RunningRelay start(RelayConfig config) throws IOException, InterruptedException {
        RelayCertificate certificate = RelayCertificate.loadOrCreate(config.dataDir());
        SslContext ssl = SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                .protocols(SslProtocols.TLS_v1_3)
                .build();

        NameplateRegistry nameplates = new NameplateRegistry(config.clock(), config.codeTtl(), config.maxSessions());
        SessionTable sessions = new SessionTable(config.resumeGrace());
        AtomicInteger connections = new AtomicInteger();
        Welcome welcome = Welcome.newBuilder()
                .setProtocolVersion(WireLimits.PROTOCOL_VERSION)
                .setMaxFrameBytes(config.maxFrameBytes())
                .setMaxFramesPerSecond(config.maxFramesPerSecond())
                .setTeamServer(config.database() != null)
                .build();
        RelayRecording recording = RelayRecording.start(config);
        Lobby lobby = new Lobby(nameplates,
                new KeyedRateLimiter<>(config.joinsPerMinutePerAddress(), config.joinsPerMinutePerAddress(), config.clock()),
                new KeyedRateLimiter<>(config.joinsPerMinutePerNameplate(), config.joinsPerMinutePerNameplate(), config.clock()),
                sessions, welcome, () -> connections.get() > config.maxConnections(), ForwardedFrameListener.both(config.forwardedFrameListener(), recording.listener()));
        recording.attach(lobby);
        // Issue 6: with a database the relay is also the team's server (sign-in, queue, contracts).
        TeamServer team = null;
        if (config.database() != null) {
            try {
                team = new TeamServer(config.database(), config.organisationCa(), config.passwordHashing(), config.clock(),
                        config.sessionTokenLifetime());
            } catch (SQLException e) {
                recording.close();
                throw new IOException("cannot start the team server: " + e.getMessage(), e);
            }
            team.recordingSessions(recording.enabled());
            lobby.extend(team);
            // Transfer and watch need signed-in technicians, so they come with the team server.
            HandoverDesk handover = new HandoverDesk(sessions, team.handoverRecords(), config.clock(), HandoverDesk.OFFER_TTL);
            team.handover(handover);
            sessions.frames(handover);
        }
        TeamServer teamServer = team;

        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ChannelGroup all = new DefaultChannelGroup("relay-connections", GlobalEventExecutor.INSTANCE);
        RelayChannelInitializer initializer = new RelayChannelInitializer(ssl, config, lobby, ch -> {
            connections.incrementAndGet();
            ch.closeFuture().addListener(f -> connections.decrementAndGet());
            all.add(ch);
        });
        try {
            Channel server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(new InetSocketAddress(config.bindAddress(), config.port()))
                    .sync()
                    .channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            LOG.info("relay listening on {}:{}", config.bindAddress(), port);
            return new Running(server, boss, workers, all, sessions, port, certificate.fingerprint(), recording, teamServer);
        } catch (RuntimeException | InterruptedException e) {
            recording.close();
            if (teamServer != null) {
                teamServer.close();
            }
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private record Running(Channel server, EventLoopGroup boss, EventLoopGroup workers, ChannelGroup all,
                           SessionTable sessions, int port, String certificateFingerprint,
                           RelayRecording recording, TeamServer team) implements RunningRelay {
        @Override
        public java.util.Optional<String> recordingSigningKey() {
            return recording.signingKeyHex();
        }

        @Override
        public int pairedSessions() {
            return sessions.size();
        }

        @Override
        public void close() {
            server.close().awaitUninterruptibly();
            sessions.shutdown();
            all.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
            recording.close();
            if (team != null) {
                team.close();
            }
        }
    }
}
