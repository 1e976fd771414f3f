package io.kefu.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Proactive care on events/shipments: a weather exception gives exactly one notice (also when the event arrives
 * again), a lost parcel's reship waits for an agent, the sweep finds a parcel without a scan, a delivery closes
 * the case and asks for a post-delivery survey.
 */
public final class CareDemoSection implements DemoSection {
    static final String HANDLER = "HandleShipmentEventFunction";

    @Override
    public String title() {
        return "Proactive care (主动关怀): tell the customer about a delay before they ask";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        demo.line("  clock %s (%s)", demo.now(), demo.nowLocal());

        ship(demo, "picked-up.json");
        ship(demo, "weather-exception.json");
        List<Message> first = notices(demo.take("OutboundMessagesQueue"), "CARE_NOTICE");
        Map<String, AttributeValue> weather = careCase(demo, "O-1001", "INCIDENT#WEATHER#0");
        demo.line("  O-1001 WEATHER exception -> case %s %s, delay %sh; care notices sent: %d",
                DemoContext.s(weather, "sk"), DemoContext.s(weather, "status"), DemoContext.s(weather, "delayHours"),
                first.size());
        printNotice(demo, first);
        demo.line("    offer: %s", offers(weather));

        int before = demo.runtime().stats(HANDLER).messagesReceived();
        for (int i = 0; i < 3; i++) {
            demo.send("ShipmentEventsQueue", demo.sample("shipments", "weather-exception.json"));
        }
        demo.runtime().drain();
        List<Message> again = notices(demo.take("OutboundMessagesQueue"), "CARE_NOTICE");
        long o1001 = notices(demo.taken("OutboundMessagesQueue"), "CARE_NOTICE").stream()
                .filter(m -> "O-1001".equals(DemoContext.json(m).path("referenceId").asText())).count();
        demo.line("  the same event delivered 3 more times (%d handled) -> new notices: %d, O-1001 notices in total: %d",
                demo.runtime().stats(HANDLER).messagesReceived() - before, again.size(), o1001);

        ship(demo, "lost.json");
        List<Message> lost = notices(demo.take("OutboundMessagesQueue"), "CARE_NOTICE");
        List<Message> approvals = demo.take("CareApprovalsQueue");
        Map<String, AttributeValue> lostCase = careCase(demo, "O-3003", "INCIDENT#LOST#0");
        demo.line("  O-3003 LOST -> case %s %s, offer %s; approval requests on CareApprovalsQueue: %d",
                DemoContext.s(lostCase, "sk"), DemoContext.s(lostCase, "status"), offers(lostCase), approvals.size());
        printNotice(demo, lost);

        ship(demo, "in-transit-quiet.json");
        JsonNode quiet = DemoContext.json(DemoContext.read(demo.sample("shipments", "in-transit-quiet.json")));
        Duration step = Duration.ofHours(25);
        List<String> fired = demo.runtime().advanceClock(step);
        demo.runtime().drain();
        List<Message> stalled = notices(demo.take("OutboundMessagesQueue"), "CARE_NOTICE");
        Map<String, AttributeValue> stalledCase = careCase(demo, "O-4004", "INCIDENT#STALLED#0");
        demo.line("  O-4004 in transit, last scan %s; clock +%dh -> %s (%s), fired %s", quiet.path("eventTime").asText(),
                step.toHours(), demo.now(), demo.nowLocal(), fired.stream().map(f -> f.substring(0, f.indexOf("Function")))
                        .collect(Collectors.joining(", ")));
        demo.line("    the sweep found it stalled -> case %s %s; care notices sent: %d",
                stalledCase == null ? "(none)" : DemoContext.s(stalledCase, "sk"),
                stalledCase == null ? "" : DemoContext.s(stalledCase, "status"), stalled.size());
        printNotice(demo, stalled);

        ship(demo, "delivered.json");
        List<Message> recovery = notices(demo.take("OutboundMessagesQueue"), "CARE_RECOVERY");
        Map<String, AttributeValue> closed = careCase(demo, "O-1001", "INCIDENT#WEATHER#0");
        Map<String, AttributeValue> survey = demo.scan("SurveysTable").stream()
                .filter(i -> "delivery:O-1001".equals(DemoContext.s(i, "requestId"))).findFirst().orElse(null);
        demo.line("  O-1001 DELIVERED -> case %s %s, recovery notes: %d", DemoContext.s(closed, "sk"),
                DemoContext.s(closed, "status"), recovery.size());
        printNotice(demo, recovery);
        demo.line("    survey request delivery:O-1001 (POST_DELIVERY) -> SurveysTable: %s",
                survey == null ? "none" : DemoContext.s(survey, "status") + ", due " + DemoContext.s(survey, "dueAt"));

        Map<String, Long> byStatus = demo.scan("CareCasesTable").stream().filter(i -> DemoContext.s(i, "sk").startsWith("INCIDENT#"))
                .collect(Collectors.groupingBy(i -> DemoContext.s(i, "status"), java.util.TreeMap::new, Collectors.counting()));
        demo.line("  care cases by status: %s; care notices on OutboundMessagesQueue: %d, recovery notes: %d",
                byStatus, notices(demo.taken("OutboundMessagesQueue"), "CARE_NOTICE").size(),
                notices(demo.taken("OutboundMessagesQueue"), "CARE_RECOVERY").size());
    }

    private static void ship(DemoContext demo, String file) throws Exception {
        demo.send("ShipmentEventsQueue", demo.sample("shipments", file));
        demo.runtime().drain();
    }

    static List<Message> notices(List<Message> messages, String kind) {
        return messages.stream().filter(m -> kind.equals(DemoContext.json(m).path("kind").asText())).toList();
    }

    private static Map<String, AttributeValue> careCase(DemoContext demo, String orderId, String sk) {
        return demo.item("CareCasesTable", "ORDER#" + orderId, sk).orElse(null);
    }

    private static String offers(Map<String, AttributeValue> careCase) {
        if (careCase == null || !careCase.containsKey("offers") || careCase.get("offers").l().isEmpty()) {
            return "none";
        }
        return careCase.get("offers").l().stream().map(AttributeValue::m).map(o -> String.format("%s %.2f yuan (%s%s)",
                o.get("type").s(), Long.parseLong(o.get("valueCents").n()) / 100.0, o.get("rule").s(),
                Boolean.TRUE.equals(o.get("needsApproval").bool()) ? ", needs an agent's approval" : ""))
                .collect(Collectors.joining("; "));
    }

    private static void printNotice(DemoContext demo, List<Message> messages) {
        for (Message m : messages) {
            JsonNode n = DemoContext.json(m);
            demo.line("    [%s %s %s] %s", n.path("kind").asText(), n.path("channel").asText(), n.path("locale").asText(),
                    n.path("body").asText().replace('\n', ' '));
        }
    }
}
