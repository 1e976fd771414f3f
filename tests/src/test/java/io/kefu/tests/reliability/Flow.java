package io.kefu.tests.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The mixed input the redelivery, crash and concurrency tests replay: closed chats (scores, promise follow-ups,
 * post-chat survey requests), whole shipment journeys (notices,
 * recoveries, approvals, post-delivery survey requests), survey requests of the three kinds, then answers to
 * every survey that went out (low ones open follow-ups). {@link Delivery} decides how the input queues are
 * consumed, so the same flow runs clean on one stage and with faults on another.
 */
final class Flow {
    interface Delivery {
        void deliver(Rig rig, String queue);
    }

    static final Delivery CLEAN = (rig, queue) -> rig.drain();

    private final GoodMessages good;
    private final int orders;
    private final int requests;
    private final int transcripts;

    Flow(String run, int orders, int requests) {
        this(run, orders, requests, requests);
    }

    Flow(String run, int orders, int requests, int transcripts) {
        this.good = new GoodMessages(run);
        this.orders = orders;
        this.requests = requests;
        this.transcripts = transcripts;
    }

    /** Messages sent to the input queues by the "outside world" (not counting what functions send each other). */
    int inputMessages(int answers) {
        return transcripts + good.shipmentEvents(orders).size() + requests + answers;
    }

    /** @return how many answers were sent */
    int run(Rig rig, Delivery delivery) {
        return run(rig, delivery, 1);
    }

    /** @param copies how many times the producers send each shipment event and survey request */
    int run(Rig rig, Delivery delivery, int copies) {
        List<String> chats = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            chats.addAll(good.transcripts(transcripts));
        }
        rig.sendAll("TranscriptsQueue", chats);
        delivery.deliver(rig, "TranscriptsQueue");
        for (List<String> wave : good.shipmentWaves(orders)) {
            List<String> shipments = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                shipments.addAll(wave);
            }
            rig.sendAll("ShipmentEventsQueue", shipments);
            delivery.deliver(rig, "ShipmentEventsQueue");
        }
        List<String> surveyRequests = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            surveyRequests.addAll(good.surveyRequests(requests));
        }
        rig.sendAll("SurveyRequestsQueue", surveyRequests);
        delivery.deliver(rig, "SurveyRequestsQueue");
        rig.drain();
        List<String> tokens = rig.sendDueSurveysAndCollectTokens();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            answers.add(GoodMessages.surveyResponse(tokens.get(i), i));
        }
        rig.sendAll("SurveyResponsesQueue", answers);
        delivery.deliver(rig, "SurveyResponsesQueue");
        rig.drain();
        rig.effects.collect();
        return answers.size();
    }
}
