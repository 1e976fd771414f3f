package io.kefu.local.cli;

import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the embedded stack (or connect with the flags), bootstrap it from infra-template.yaml, run"
                + " the functions on the sample events in events/ and print a summary.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long started = System.nanoTime();
        List<DemoSection> sections = new ArrayList<>();
        ServiceLoader.load(DemoSection.class).forEach(sections::add);
        sections.sort(Comparator.comparingInt(DemoSection::order).thenComparing(DemoSection::title));
        try (LocalAwsStack stack = connection.remote() ? connection.builder().connect() : connection.builder().startEmbedded();
             LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).failedMessageVisibility(Duration.ZERO).build()) {
            out.printf("kefu demo: stage %s, %d queues, %d tables, %d functions from %s%n", stack.stage(),
                    stack.template().queues().size(), stack.template().tables().size(),
                    stack.template().functions().size(), stack.template().file());
            out.printf("  sqs %s   dynamodb %s%n", stack.sqsEndpoint(), stack.dynamoDbEndpoint());
            int failed = 0;
            for (DemoSection section : sections) {
                out.printf("%n== %s ==%n", section.title());
                try {
                    section.run(new DemoContext(stack, runtime, RepoRoot.find().resolve("events"), out));
                } catch (Exception | AssertionError e) {
                    failed++;
                    out.printf("  FAILED: %s%n", e);
                }
            }
            out.printf("%n%d section(s), %d failed, %.1f s%n", sections.size(), failed, (System.nanoTime() - started) / 1e9);
            return failed == 0 ? 0 : 1;
        }
    }
}
