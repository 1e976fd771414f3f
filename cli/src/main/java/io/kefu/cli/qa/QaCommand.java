package io.kefu.cli.qa;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kefu qa ...`: what a QA lead (质检主管) does with stored scores. See docs/qa-cli.md. */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = "Review QA scores: list, show, review/accept, dispute/resolve, rescore, report, calibrate, teams; "
                + "eval and try score chats in process (no stack).",
        subcommands = {ListCommand.class, ShowCommand.class, ReviewCommand.class, DisputeCommand.class,
                ResolveCommand.class, RescoreCommand.class, ReportCommand.class, CalibrateCommand.class, TeamsCommand.class,
                EvalCommand.class, TryCommand.class, TrainCommand.class})
public final class QaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Standalone entry (the same commands as `kefu qa`), for running from the kefu-cli module. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new QaCommand()).execute(args));
    }
}
