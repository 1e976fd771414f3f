package io.kefu.cli.qa;

import io.kefu.cli.Connection;
import io.kefu.shared.domain.qa.InvalidRulebookException;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Connects, runs, and turns a rejected request into a one-line error and exit code 2 (not a stack trace). */
abstract class QaSubcommand extends QaOutput implements Callable<Integer> {
    @Mixin
    Connection connection;

    /** Pins "now" (relative --since, report date, review time): reproducible runs and tests. */
    @Option(names = "--now", hidden = true)
    String now;

    @Override
    public final Integer call() throws Exception {
        try (QaContext ctx = QaContext.of(connection.connect(), now == null ? null : Instant.parse(now))) {
            return run(ctx);
        } catch (ReviewRejectedException | IllegalArgumentException | InvalidRulebookException
                 | Connection.StackNotRunning e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return 2;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run(QaContext ctx) throws Exception;
}
