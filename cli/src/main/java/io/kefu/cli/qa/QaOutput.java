package io.kefu.cli.qa;

import io.kefu.cli.TerminalText;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Where a qa command prints: everything goes through {@link TerminalText}, stored and labelled chat text is not trusted. */
abstract class QaOutput {
    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

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
}
