package io.kefu.cli.qa;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.aws.qa.QaScoreQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables a QA command works on, resolved from the template for the connected stage. */
record QaContext(LocalAwsStack stack, String scoresTable, String rulebooksTable, String aggregatesTable,
        QaScoreQueries queries, Clock clock, ZoneId zone) implements AutoCloseable {

    /** Shops run on China Standard Time: a lead's "day" and "week" are CST days (as the team-day index). */
    static final ZoneId SHOP_ZONE = io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE;

    static QaContext of(LocalAwsStack stack, Instant fixedNow) {
        String scores = stack.tableName("QaScoresTable");
        Clock clock = fixedNow != null ? Clock.fixed(fixedNow, SHOP_ZONE) : Clock.systemUTC();
        return new QaContext(stack, scores, stack.tableName("RulebooksTable"), stack.tableName("SurveyAggregatesTable"),
                new QaScoreQueries(stack.dynamoDb(), scores, SHOP_ZONE), clock, SHOP_ZONE);
    }

    DynamoDbClient dynamo() {
        return stack.dynamoDb();
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        stack.close();
    }
}
