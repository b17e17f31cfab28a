package io.newsmetrics.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A real, single-node Apache Kafka broker (KRaft, broker and controller in one) running in this JVM.
 * It keeps its log under a directory, so a restart over the same directory keeps every topic and offset.
 * Not a mock: clients talk to it over TCP on {@link #bootstrapServers()}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Formats {@code logDir} if it is new, then starts the broker.
     *
     * @param logDir where the broker keeps its data; created when missing
     * @param port   the client port, or 0 for any free port
     * @return the running broker
     * @throws IllegalStateException when the broker cannot start, e.g. the port is taken
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        Objects.requireNonNull(logDir, "logDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        try {
            Files.createDirectories(logDir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = config(logDir, clientPort, controllerPort);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = HOST + ":" + clientPort;
            log.info("embedded Kafka broker up at {} with data in {}", bootstrap, logDir);
            return new EmbeddedKafka(server, bootstrap, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's directory " + logDir, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker on port " + port
                    + " with data in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory the broker keeps its log in. */
    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and waits until it has stopped; its data stays on disk. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic can have only one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Nobody else will join the group: do not wait for them.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false");
        // Small segments and indexes keep the embedded broker's disk and memory footprint modest.
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.retention.hours", String.valueOf(24 * 30));
        p.put("message.max.bytes", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // formatted by an earlier run: keep its cluster id and data
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded broker's directory " + logDir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
