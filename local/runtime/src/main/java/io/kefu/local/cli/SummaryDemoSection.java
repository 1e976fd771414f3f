package io.kefu.local.cli;

import io.kefu.local.runtime.FunctionStats;
import io.kefu.local.stack.Specs.FunctionSpec;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.local.stack.Specs.SqsTrigger;
import io.kefu.local.stack.Specs.TableSpec;

/** The closing table: what each function did, what each table holds, what is left in each queue; then what next. */
public final class SummaryDemoSection implements DemoSection {

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void run(DemoContext demo) {
        demo.line("  clock %s (%s)", demo.now(), demo.nowLocal());
        demo.line("");
        demo.line("  %-30s %-21s %6s %8s %9s %6s %7s", "function", "trigger", "calls", "messages", "processed", "parked",
                "retried");
        for (FunctionSpec function : demo.stack().template().functions()) {
            FunctionStats s = demo.runtime().stats(function.logicalId());
            String trigger = function.sqsTriggers().isEmpty()
                    ? function.schedules().stream().map(t -> t.expression()).findFirst().orElse("-")
                    : function.sqsTriggers().stream().map(SqsTrigger::queueLogicalId).findFirst().orElse("-");
            int parked = function.sqsTriggers().stream().map(SqsTrigger::queueLogicalId).map(demo::dlqOf)
                    .flatMap(java.util.Optional::stream).mapToInt(demo::depth).sum();
            demo.line("  %-30s %-21s %6d %8s %9s %6s %7s", function.logicalId(), trigger, s.invocations(),
                    function.sqsTriggers().isEmpty() ? "-" : s.messagesReceived(),
                    function.sqsTriggers().isEmpty() ? "-" : s.messagesDeleted() - parked,
                    function.sqsTriggers().isEmpty() ? "-" : parked,
                    function.sqsTriggers().isEmpty() ? "-" : s.messagesFailed());
        }
        demo.line("");
        demo.line("  %-26s %5s", "table", "items");
        for (TableSpec table : demo.stack().template().tables()) {
            demo.line("  %-26s %5d", table.logicalId(), demo.itemCount(table.logicalId()));
        }
        demo.line("");
        demo.line("  %-22s %5s  %-21s %8s   %-20s %5s", "queue", "depth", "consumer", "taken", "DLQ", "depth");
        for (QueueSpec queue : demo.stack().template().queues()) {
            if (queue.logicalId().endsWith("Dlq")) {
                continue;
            }
            String dlq = demo.dlqOf(queue.logicalId()).orElse("-");
            int taken = demo.taken(queue.logicalId()).size();
            demo.line("  %-22s %5d  %-21s %8s   %-20s %5d", queue.logicalId(), demo.depth(queue.logicalId()),
                    consumer(demo, queue.logicalId()), taken > 0 ? String.valueOf(taken) : "-", dlq,
                    "-".equals(dlq) ? 0 : demo.depth(dlq));
        }
        demo.line("  (taken: read and deleted by the consumers outside this project, which the demo plays)");
        demo.line("");
        demo.line("  Next: keep a stack running with `./kefu up --run-functions`, send events with `./kefu send ...`, and"
                + " look at QA as a lead would:");
        demo.line("    ./kefu qa list --status NEEDS_REVIEW,FAIL");
        demo.line("    ./kefu qa report --since 30d --out report.html");
        demo.line("  or in the browser: `./kefu up --run-functions` serves the QA console at http://127.0.0.1:8790/ (docs/qa-console.md)");
        demo.line("  (docs/qa-cli.md; the same commands take --endpoint/--profile/--stage for LocalStack or an AWS account)");
    }

    private static final java.util.Map<String, String> OUTSIDE = java.util.Map.of("OutboundMessagesQueue",
            "(messaging gateway)", "FollowUpsQueue", "(supervisors)", "CareApprovalsQueue", "(agents)");

    private static String consumer(DemoContext demo, String queueLogicalId) {
        return demo.stack().template().functions().stream()
                .filter(f -> f.sqsTriggers().stream().anyMatch(t -> t.queueLogicalId().equals(queueLogicalId)))
                .map(f -> f.logicalId().replace("Function", "")).findFirst().orElse(OUTSIDE.getOrDefault(queueLogicalId, "-"));
    }
}
