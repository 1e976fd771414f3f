package io.kefu.cli.qa;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "teams", mixinStandardHelpOptions = true,
        description = "The team registry (REGISTRY/TEAMS item) that 'every team' queries use: list | add TEAM... | discover (one scan).")
final class TeamsCommand extends QaSubcommand {
    @Parameters(index = "0", defaultValue = "list", description = "list, add or discover.")
    String action;

    @Parameters(index = "1..*", description = "Teams to add.")
    List<String> teams = new ArrayList<>();

    @Override
    int run(QaContext ctx) {
        switch (action) {
            case "add" -> ctx.queries().addTeams(teams);
            case "discover" -> {
                List<String> found = ctx.queries().scanTeams();
                ctx.queries().addTeams(found);
                out().println("note: scanned the scores table (rare: only to fill the registry)");
            }
            case "list" -> { }
            default -> throw new IllegalArgumentException("teams: list, add or discover, not " + action);
        }
        out().println(String.join("\n", ctx.queries().teams()));
        return 0;
    }
}
