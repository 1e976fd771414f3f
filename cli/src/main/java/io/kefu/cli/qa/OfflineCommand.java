package io.kefu.cli.qa;

import io.kefu.shared.domain.qa.InvalidRulebookException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A qa command that needs no stack (eval, try): bad input is a one-line error and exit code 2, not a stack trace. */
abstract class OfflineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run();
        } catch (IllegalArgumentException | InvalidRulebookException | UncheckedIOException e) {
            err.println("error: " + Terminal.safe(e.getMessage()));
            return 2;
        } finally {
            out().flush();
            err.flush();
        }
    }

    abstract int run();
}
