package io.kefu.cli.qa;

import io.kefu.cli.TerminalText;
import io.kefu.shared.domain.qa.InvalidRulebookException;
import io.kefu.shared.domain.qa.Scorer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A qa command that scores in process and needs no stack (eval, try): the rulebook to score with, JSON or text, and bad
 * input as a one-line error with exit code 2, not a stack trace.
 */
abstract class OfflineCommand extends QaOutput implements Callable<Integer> {
    @Option(names = "--rulebook", description = "Rulebook YAML to score with (default: the packaged default rulebook).")
    Path rulebook;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    Scorer scorer() {
        return LocalScoring.scorer(rulebook);
    }

    /** One printed value: null as empty, no character of it can move the cursor or start a new line. */
    static String value(String text) {
        return text == null ? "" : TerminalText.value(text);
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (IllegalArgumentException | InvalidRulebookException | UncheckedIOException e) {
            err().println("error: " + value(e.getMessage()));
            return 2;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run();
}
