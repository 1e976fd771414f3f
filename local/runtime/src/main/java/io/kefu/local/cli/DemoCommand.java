package io.kefu.local.cli;

import io.kefu.cli.Connection;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the embedded stack (or connect with the flags), bootstrap it from infra-template.yaml and"
                + " tell the product's story on the sample events in events/: QA scoring, proactive care, surveys,"
                + " poison messages, then a summary. The clock starts at " + "2026-11-28T02:00:00Z" + " (10:00 Shanghai)"
                + " and only moves when the demo advances it. Function logs go to .kefu/demo-functions.log.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        try (LocalAwsStack stack = connection.remote() ? connection.builder().connect() : connection.builder().startEmbedded()) {
            int failed = Demo.run(stack, System.out, RepoRoot.find().resolve(".kefu/demo-functions.log"));
            return failed == 0 ? 0 : 1;
        }
    }
}
