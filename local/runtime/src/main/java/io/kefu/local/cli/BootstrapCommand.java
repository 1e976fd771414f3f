package io.kefu.local.cli;

import io.kefu.cli.Connection;
import io.kefu.local.stack.LocalAwsStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Create the template's queues (with DLQ redrive) and tables (with indexes) on an endpoint or"
                + " account. Idempotent. Example: kefu bootstrap --endpoint http://localhost:4566 --stage dev")
final class BootstrapCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        try (LocalAwsStack stack = connection.connect(true)) {
            stack.resources().queueUrls().forEach((id, url) -> System.out.printf("queue %-24s %s%n", id, url));
            stack.resources().tableNames().forEach((id, name) -> System.out.printf("table %-24s %s%n", id, name));
        }
        return 0;
    }
}
