package io.kefu.local.cli;

import io.kefu.cli.Connection;
import io.kefu.cli.TerminalText;
import io.kefu.local.stack.LocalAwsStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a file's content as one message to a queue of the template, e.g."
                + " kefu send TranscriptsQueue events/transcripts/zh-rude-agent.json")
final class SendCommand implements Callable<Integer> {
    @Mixin
    Connection connection;

    @Parameters(index = "0", description = "Queue logical id in infra-template.yaml.")
    String queue;

    @Parameters(index = "1", description = "File whose content is the message body.")
    Path file;

    @Override
    public Integer call() throws Exception {
        String body = Files.readString(file);
        try (LocalAwsStack stack = connection.connect(false)) {
            String url = stack.queueUrl(queue);
            String id = stack.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body)).messageId();
            TerminalText.stream(System.out).printf("sent %s to %s as %s%n", file, url, id);
        }
        return 0;
    }
}
