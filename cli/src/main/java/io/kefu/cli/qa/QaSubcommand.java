package io.kefu.cli.qa;

import io.kefu.cli.Connection;
import io.kefu.cli.TerminalText;
import io.kefu.shared.domain.qa.InvalidRulebookException;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Connects, runs, and turns a rejected request into a one-line error and exit code 2 (not a stack trace). */
abstract class QaSubcommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    /** Pins "now" (relative --since, report date, review time): reproducible runs and tests. */
    @Option(names = "--now", hidden = true)
    String now;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

    /** Everything a qa command prints goes through {@link TerminalText}: stored chat text is not trusted. */
    PrintWriter out() {
        if (out == null) {
            out = TerminalText.writer(spec.commandLine().getOut());
        }
        return out;
    }

    PrintWriter err() {
        if (err == null) {
            err = TerminalText.writer(spec.commandLine().getErr());
        }
        return err;
    }

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
