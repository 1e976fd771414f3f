package io.kefu.local.stack;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ in this JVM on 127.0.0.1 and a free port; speaks the SDK's JSON protocol. */
final class EmbeddedSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
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
                return new EmbeddedSqs(server, port);
            } catch (RuntimeException portTaken) {
                last = portTaken;
            }
        }
        throw new IllegalStateException("cannot start ElasticMQ", last);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
