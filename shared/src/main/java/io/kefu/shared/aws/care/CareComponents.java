package io.kefu.shared.aws.care;

import io.kefu.shared.app.care.ShipmentEventService;
import io.kefu.shared.app.care.StalledShipmentSweep;
import io.kefu.shared.aws.CustomerPreferencesRepository;
import io.kefu.shared.aws.OutboundPublisher;
import io.kefu.shared.aws.SurveyRequestPublisher;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.CarePolicyLoader;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the care service from a function's environment: both care handlers read the same variables
 * (SHIPMENTS_TABLE, CARE_CASES_TABLE, CUSTOMER_PREFERENCES_TABLE, OUTBOUND_MESSAGES_QUEUE_URL,
 * CARE_APPROVALS_QUEUE_URL, SURVEY_REQUESTS_QUEUE_URL) and the policy from the classpath.
 */
public final class CareComponents {
    private final CarePolicy policy;
    private final DynamoShipmentStore shipments;
    private final DynamoCareCaseStore cases;
    private final DynamoCustomerCap cap;
    private final CustomerPreferencesRepository preferences;
    private final SqsCareMessages messages;
    private final Environment env;

    public CareComponents(Environment env, DynamoDbClient dynamo, SqsClient sqs) {
        this.env = env;
        this.policy = CarePolicyLoader.loadDefault();
        String preferencesTable = env.require("CUSTOMER_PREFERENCES_TABLE");
        this.shipments = new DynamoShipmentStore(dynamo, env.require("SHIPMENTS_TABLE"),
                policy.detection().inTransitShards());
        this.cases = new DynamoCareCaseStore(dynamo, env.require("CARE_CASES_TABLE"));
        this.cap = new DynamoCustomerCap(dynamo, preferencesTable);
        this.preferences = new CustomerPreferencesRepository(dynamo, preferencesTable);
        this.messages = new SqsCareMessages(
                new OutboundPublisher(sqs, env.require("OUTBOUND_MESSAGES_QUEUE_URL")),
                new ApprovalPublisher(sqs, env.require("CARE_APPROVALS_QUEUE_URL")),
                new SurveyRequestPublisher(sqs, env.require("SURVEY_REQUESTS_QUEUE_URL")));
    }

    public ShipmentEventService shipmentEvents(EventLog log) {
        return new ShipmentEventService(policy, shipments, cases, cap, preferences::find, messages, env.clock(), log);
    }

    public StalledShipmentSweep sweep(EventLog log) {
        return new StalledShipmentSweep(policy, shipments, cases, cap, preferences::find, messages, env.clock(), log);
    }
}
