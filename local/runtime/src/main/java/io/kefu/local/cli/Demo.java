package io.kefu.local.cli;

import io.kefu.cli.TerminalText;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.RepoRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code kefu demo} without the command line: runs every {@link DemoSection} in order on one stack and one runtime
 * whose {@link ManualClock} starts at {@link #START}, printing to {@code out}. The functions' JSON logs go to
 * {@code functionLog} instead of stdout, so the story stays readable.
 */
public final class Demo {
    /** 10:00 in Shanghai on the day of the sample shipments: daytime, so quiet hours defer nothing. */
    public static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

    private Demo() {}

    /** @return the number of failed sections */
    public static int run(LocalAwsStack stack, PrintStream terminal, Path functionLog) throws IOException {
        long started = System.nanoTime();
        PrintStream out = TerminalText.stream(terminal); // the story quotes chat text and message bodies
        List<DemoSection> sections = new ArrayList<>();
        ServiceLoader.load(DemoSection.class).forEach(sections::add);
        sections.sort(Comparator.comparingInt(DemoSection::order).thenComparing(DemoSection::title));
        PrintStream stdout = System.out;
        OutputStream logSink = functionLog == null ? OutputStream.nullOutputStream() : open(functionLog);
        PrintStream logs = new PrintStream(logSink, true, StandardCharsets.UTF_8);
        System.setOut(logs); // handlers' EventLog writes to System.out as it is when they are built
        int failed = 0;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).clock(ManualClock.at(START))
                .failedMessageVisibility(Duration.ZERO).build()) {
            out.printf("kefu demo: stage %s, %d queues, %d tables, %d functions from %s%n", stack.stage(),
                    stack.template().queues().size(), stack.template().tables().size(),
                    stack.template().functions().size(), stack.template().file());
            out.printf("  sqs %s   dynamodb %s%n", stack.sqsEndpoint(), stack.dynamoDbEndpoint());
            out.printf("  events are sent to the template's queues and handled by the real handlers (LocalLambdaRuntime);"
                    + " every number below is read back from the queues and tables%n");
            if (functionLog != null) {
                out.printf("  function logs: %s%n", functionLog);
            }
            DemoContext context = new DemoContext(stack, runtime, RepoRoot.find().resolve("events"), out);
            for (DemoSection section : sections) {
                out.printf("%n== %s ==%n", section.title());
                try {
                    section.run(context);
                } catch (Exception | AssertionError e) {
                    failed++;
                    out.printf("  FAILED: %s%n", e);
                    e.printStackTrace(logs);
                }
            }
        } finally {
            System.setOut(stdout);
            logs.flush();
            if (functionLog != null) {
                logSink.close();
            }
        }
        out.printf("%n%d section(s), %d failed, %.1f s%n", sections.size(), failed, (System.nanoTime() - started) / 1e9);
        out.flush();
        return failed;
    }

    private static OutputStream open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.newOutputStream(file);
    }
}
