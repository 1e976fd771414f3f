package io.kefu.cli.qa;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A qa command over a directory of labelled chats (eval, train): the one definition of {@code --gold}. */
abstract class GoldCommand extends OfflineCommand {
    @Option(names = "--gold", required = true, description = "Directory of <id>.json transcripts and <id>.gold.json labels.")
    Path gold;
}
