package io.kefu.local.stack;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ in this JVM on 127.0.0.1; speaks the SDK's JSON protocol. In memory on a free port (tests), or
 * persistent on a fixed port: ElasticMQ's SQL message storage (H2, {@code WRITE_DELAY=0} so an acknowledged
 * send or delete is on disk before the reply) keeps queues, their attributes and every message across restarts.
 */
final class EmbeddedSqs implements AutoCloseable {
    private final Runnable stop;
    private final int port;

    private EmbeddedSqs(Runnable stop, int port) {
        this.stop = stop;
        this.port = port;
    }

    static EmbeddedSqs start(String region) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = FreePort.pick();
            try {
                SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                        .withPort(port)
                        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                        .withAWSRegion(region)
                        .withAWSAccountId(LocalAwsStack.LOCAL_ACCOUNT)
                        .start();
                server.waitUntilStarted();
                return new EmbeddedSqs(server::stopAndWait, port);
            } catch (RuntimeException portTaken) {
                last = portTaken;
            }
        }
        throw new IllegalStateException("cannot start ElasticMQ", last);
    }

    /**
     * ElasticMQ on {@code port} with its store in {@code dataDir}. Messages that were in flight when the previous
     * process died (received, not deleted: their consumers died with it, the local functions run in the same
     * process) are made visible again at once instead of after the 180 s visibility timeout; delayed messages
     * (never received) keep their delay. One persistent ElasticMQ per JVM (its SQL store is a JVM singleton).
     */
    static EmbeddedSqs startPersistent(String region, int port, Path dataDir, Consumer<String> log) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jdbc = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("elasticmq").toString().replace('\\', '/')
                + ";WRITE_DELAY=0";
        int released = releaseInFlight(jdbc);
        if (released > 0) {
            log.accept("made " + released + " message(s) left in flight by the previous run visible again");
        }
        String config = """
                node-address { protocol = http, host = "127.0.0.1", port = %d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                generate-node-address = false
                queues {}
                queues-storage { enabled = false, path = "" }
                aws { region = "%s", accountId = "%s" }
                messages-storage {
                  enabled = true, driver-class = "org.h2.Driver", uri = "%s"
                  username = "", password = "", prune-data-on-init = false
                }
                """.formatted(port, port, region, LocalAwsStack.LOCAL_ACCOUNT, jdbc.replace("\"", "\\\""));
        ElasticMQServer server = new ElasticMQServer(new ElasticMQServerConfig(ConfigFactory.parseString(config)
                .withFallback(ConfigFactory.load())));
        scala.Function0<?> shutdown;
        try {
            shutdown = server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start ElasticMQ on port " + port + " (in use? pick another with"
                    + " --sqs-port): " + e.getMessage(), e);
        }
        EmbeddedSqs sqs = new EmbeddedSqs(shutdown::apply, port);
        sqs.awaitRestored(jdbc);
        return sqs;
    }

    /** Restoring persisted queues is asynchronous: wait until every stored queue answers again. */
    private void awaitRestored(String jdbc) {
        int stored = storedQueues(jdbc);
        try (SqsClient client = SqsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (client.listQueues(b -> b.maxResults(1000)).queueUrls().size() < stored) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ElasticMQ did not restore its " + stored + " queues in 30 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int storedQueues(String jdbc) {
        try (Connection db = DriverManager.getConnection(jdbc, "", "");
             ResultSet rs = db.getMetaData().getTables(null, null, "QUEUE", null)) {
            if (!rs.next()) {
                return 0;
            }
            try (ResultSet count = db.createStatement().executeQuery("select count(*) from queue")) {
                count.next();
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read ElasticMQ's store " + jdbc + ": " + e.getMessage(), e);
        }
    }

    private static int releaseInFlight(String jdbc) {
        long now = System.currentTimeMillis();
        int released = 0;
        try (Connection db = DriverManager.getConnection(jdbc, "", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getTables(null, null, "MESSAGE_%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (var update = db.prepareStatement("update \"" + table + "\" set next_delivery = ?"
                        + " where next_delivery > ? and received is not null and received > 0")) {
                    update.setLong(1, now);
                    update.setLong(2, now);
                    released += update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open ElasticMQ's store " + jdbc + ": " + e.getMessage(), e);
        }
        return released;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop.run();
    }
}
