package io.kefu.tests.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid messages per input queue, built from the {@code events/} samples with unique ids (so every message has
 * its own effects and two runs of the same generator on two stages produce the same input).
 */
final class GoodMessages {
    /** Order journeys from events/shipments: one order's events, in order. */
    private static final List<List<String>> JOURNEYS = List.of(
            List.of("shipments/picked-up.json", "shipments/weather-exception.json",
                    "shipments/in-transit-again.json", "shipments/delivered.json"),
            List.of("shipments/lost.json"),
            List.of("shipments/eta-late.json"),
            List.of("shipments/in-transit-quiet.json"));
    private static final List<String> REQUESTS = List.of(
            "surveys/request-post-chat.json", "surveys/request-post-delivery.json", "surveys/request-post-complaint.json");

    private static final List<String> TRANSCRIPTS = List.of("transcripts/zh-good-agent.json",
            "transcripts/zh-rude-agent.json", "transcripts/zh-promise-made.json", "transcripts/en-slow-agent.json",
            "transcripts/zh-pii-leaked.json", "transcripts/en-promise-made.json", "transcripts/zh-transfer.json",
            "transcripts/zh-angry-customer-soothed.json", "transcripts/en-good-agent.json",
            "transcripts/en-transfer-repeat.json");

    private final String run;

    /** @param run a prefix making ids unique per generator (same prefix on two stages = same input) */
    GoodMessages(String run) {
        this.run = run;
    }

    /** One shipment event for order {@code i} (the journeys' first events, cycling through the samples). */
    String shipmentEvent(int i) {
        return shipmentJourney(i).get(0);
    }

    /** All the events of order {@code i}'s journey, in order (1 to 4 events). */
    List<String> shipmentJourney(int i) {
        List<String> events = new ArrayList<>();
        for (String sample : JOURNEYS.get(i % JOURNEYS.size())) {
            ObjectNode event = Samples.json(sample);
            String order = run + "-O-" + i;
            event.put("orderId", order);
            event.put("customerId", run + "-C-" + i);
            event.put("eventId", order + "-" + event.path("sequence").asInt(0));
            events.add(event.toString());
        }
        return events;
    }

    /** Shipment events for {@code orders} orders, whole journeys, order by order. */
    List<String> shipmentEvents(int orders) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            all.addAll(shipmentJourney(i));
        }
        return all;
    }

    /**
     * The same events as {@link #shipmentEvents} in waves: wave k holds the k-th event of every order. Standard
     * SQS does not keep order, so a test that compares two runs consumes one wave before sending the next.
     */
    List<List<String>> shipmentWaves(int orders) {
        List<List<String>> waves = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            List<String> journey = shipmentJourney(i);
            for (int k = 0; k < journey.size(); k++) {
                if (waves.size() <= k) {
                    waves.add(new ArrayList<>());
                }
                waves.get(k).add(journey.get(k));
            }
        }
        return waves;
    }

    /** A closed chat (the samples in turn) with its own transcript and customer ids. */
    String transcript(int i) {
        ObjectNode transcript = Samples.json(TRANSCRIPTS.get(i % TRANSCRIPTS.size()));
        transcript.put("transcriptId", run + "-T-" + i);
        transcript.put("customerId", run + "-TC-" + i);
        if (transcript.has("orderId")) {
            transcript.put("orderId", run + "-TO-" + i);
        }
        return transcript.toString();
    }

    List<String> transcripts(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(transcript(i));
        }
        return all;
    }

    /** A survey request for its own customer and subject (kinds cycle chat / delivery / complaint). */
    String surveyRequest(int i) {
        String sample = REQUESTS.get(i % REQUESTS.size());
        ObjectNode request = Samples.json(sample);
        String subject = run + "-S-" + i;
        String prefix = request.get("requestId").asText().substring(0, request.get("requestId").asText().indexOf(':'));
        request.put("requestId", prefix + ":" + subject);
        request.put("subjectId", subject);
        request.put("customerId", run + "-C-" + i);
        if (request.has("orderId")) {
            request.put("orderId", run + "-O-" + i);
        }
        return request.toString();
    }

    List<String> surveyRequests(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(surveyRequest(i));
        }
        return all;
    }

    /** An answer with this token; csat cycles 1..5 (1 and 2 are low and open a follow-up). */
    static String surveyResponse(String token, int i) {
        ObjectNode response = Samples.json("surveys/response-template.json");
        response.put("token", token);
        response.put("csat", 1 + i % 5);
        response.put("nps", i % 11);
        return response.toString();
    }
}
