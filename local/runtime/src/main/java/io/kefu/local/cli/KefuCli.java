package io.kefu.local.cli;

import io.kefu.cli.Connection;
import io.kefu.cli.TerminalText;
import io.kefu.cli.qa.QaCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar local/runtime/target/kefu.jar <command>}; see README.md. */
@Command(name = "kefu", mixinStandardHelpOptions = true, version = "kefu 1.0",
        description = "Kefu QA & Care locally: embedded AWS stack, the real handlers, the template's wiring.",
        subcommands = {DemoCommand.class, UpCommand.class, BootstrapCommand.class, SendCommand.class, QaCommand.class})
public final class KefuCli implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new KefuCli())
                .setOut(TerminalText.writer(new PrintWriter(System.out, true)))
                .setErr(TerminalText.writer(new PrintWriter(System.err, true)))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof Connection.StackNotRunning) { // send, bootstrap: one line, not a stack trace
                        cmd.getErr().println("error: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
