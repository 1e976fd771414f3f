package io.kefu.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.Specs.FunctionSpec;
import io.kefu.local.stack.Specs.SqsTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One malformed message per SQS-triggered queue: each handler parks it in the queue's DLQ at once (no retries),
 * with the offending field and the reason as message attributes.
 */
public final class PoisonDemoSection implements DemoSection {

    @Override
    public String title() {
        return "Poison messages: parked in the queue's DLQ at once, with the field and the reason";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Map<String, String> poison = new LinkedHashMap<>();
        ObjectNode chat = (ObjectNode) DemoContext.json(DemoContext.read(demo.sample("transcripts", "zh-good-agent.json")));
        ((ObjectNode) ((ArrayNode) chat.get("messages")).get(2)).put("ts", "2026-11-11T09:00:00+08:00");
        chat.put("transcriptId", "chat-poison-0001");
        poison.put("TranscriptsQueue", chat.toString());                                   // out-of-order timestamps
        poison.put("ShipmentEventsQueue", DemoContext.read(demo.sample("shipments", "invalid-unknown-status.json")));
        ObjectNode request = (ObjectNode) DemoContext.json(DemoContext.read(demo.sample("surveys", "request-post-delivery.json")));
        request.remove("occurredAt");
        request.put("requestId", "delivery:ord-poison");
        poison.put("SurveyRequestsQueue", request.toString());                              // no occurredAt
        ObjectNode answer = (ObjectNode) DemoContext.json(DemoContext.read(demo.sample("surveys", "response-template.json")));
        poison.put("SurveyResponsesQueue", answer.toString());                             // the template's placeholder token

        Map<String, Integer> before = new LinkedHashMap<>();
        for (String queue : poison.keySet()) {
            String dlq = demo.dlqOf(queue).orElseThrow();
            before.put(dlq, demo.peekDlq(dlq).size());
            demo.sendBody(queue, poison.get(queue));
        }
        demo.runtime().drain();
        demo.line("  %-22s %-20s %-14s %s", "queue", "DLQ", "field", "reason (DLQ message attributes)");
        for (String queue : poison.keySet()) {
            String dlq = demo.dlqOf(queue).orElseThrow();
            List<Message> parked = demo.peekDlq(dlq);
            List<Message> fresh = parked.subList(Math.min(before.get(dlq), parked.size()), parked.size());
            for (Message m : fresh.isEmpty() ? parked.subList(0, 0) : fresh) {
                demo.line("  %-22s %-20s %-14s %s", queue, dlq, attr(m, "kefu.error.field"), attr(m, "kefu.error.reason"));
            }
            if (fresh.isEmpty()) {
                demo.line("  %-22s %-20s NOT PARKED (DLQ depth %d)", queue, dlq, parked.size());
            }
        }
        int failedInvocations = 0;
        for (FunctionSpec f : demo.stack().template().functions()) {
            for (SqsTrigger t : f.sqsTriggers()) {
                if (poison.containsKey(t.queueLogicalId())) {
                    failedInvocations += demo.runtime().stats(f.logicalId()).messagesFailed();
                }
            }
        }
        demo.line("  retries spent on them: %d (a message the contract rejects is never retried)", failedInvocations);
    }

    static String attr(Message m, String name) {
        MessageAttributeValue v = m.messageAttributes().get(name);
        return v == null ? "-" : v.stringValue();
    }
}
