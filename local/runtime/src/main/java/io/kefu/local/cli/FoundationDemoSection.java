package io.kefu.local.cli;

import io.kefu.local.runtime.FunctionStats;
import io.kefu.local.stack.Specs.FunctionSpec;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.local.stack.Specs.SqsTrigger;
import io.kefu.local.stack.Specs.TableSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends every sample event in {@code events/<QueueLogicalId>/} to its queue, lets the functions the template
 * wires to those queues process them (queue -> handler -> tables/queues/DLQ), and prints what happened.
 */
public final class FoundationDemoSection implements DemoSection {

    @Override
    public String title() {
        return "Sample events through the real queues, handlers and tables";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        int sent = 0;
        for (QueueSpec queue : demo.stack().template().queues()) {
            for (Path file : demo.sampleEvents(queue.logicalId())) {
                demo.send(queue.logicalId(), file);
                demo.line("  sent %-34s -> %s", demo.eventsDir().relativize(file), queue.logicalId());
                sent++;
            }
        }
        if (sent == 0) {
            demo.line("  no sample events under %s (expected events/<QueueLogicalId>/*.json)", demo.eventsDir());
        }
        demo.runtime().drain();
        List<String> fired = demo.runtime().advanceClock(java.time.Duration.ofMinutes(5));
        demo.line("  advanced the clock 5 minutes: fired %s", fired);
        demo.runtime().drain();
        demo.line("");
        demo.line("  %-32s %-22s %5s %5s %7s %6s", "function", "trigger", "calls", "ok", "failed", "errors");
        for (FunctionSpec function : demo.stack().template().functions()) {
            FunctionStats s = demo.runtime().stats(function.logicalId());
            String trigger = function.sqsTriggers().isEmpty()
                    ? function.schedules().stream().map(t -> t.expression()).findFirst().orElse("-")
                    : function.sqsTriggers().stream().map(SqsTrigger::queueLogicalId).findFirst().orElse("-");
            demo.line("  %-32s %-22s %5d %5d %7d %6d", function.logicalId(), trigger, s.invocations(), s.messagesDeleted(),
                    s.messagesFailed(), s.errors());
        }
        demo.line("");
        StringBuilder queues = new StringBuilder("  queue depths:");
        for (QueueSpec queue : demo.stack().template().queues()) {
            int depth = demo.depth(queue.logicalId());
            if (depth > 0) {
                queues.append(' ').append(queue.logicalId()).append('=').append(depth);
            }
        }
        demo.line(queues.toString().endsWith(":") ? "  queue depths: all empty" : queues.toString());
        StringBuilder tables = new StringBuilder("  table items:");
        for (TableSpec table : demo.stack().template().tables()) {
            tables.append(' ').append(table.logicalId()).append('=').append(demo.itemCount(table.logicalId()));
        }
        demo.line(tables.toString());
        List<String> dlqs = demo.stack().template().queues().stream()
                .filter(q -> q.logicalId().endsWith("Dlq") && demo.depth(q.logicalId()) > 0).map(QueueSpec::logicalId).toList();
        if (!dlqs.isEmpty()) {
            demo.line("  messages in %s: their handlers failed them (placeholders throw until their issue lands)", dlqs);
        }
    }
}
