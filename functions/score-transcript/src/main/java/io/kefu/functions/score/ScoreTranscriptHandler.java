package io.kefu.functions.score;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.app.qa.ScoreTranscriptService;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.DeadLetterParking;
import io.kefu.shared.aws.SqsBatchProcessor;
import io.kefu.shared.aws.SurveyRequestPublisher;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.DynamoRulebookRepository;
import io.kefu.shared.aws.qa.SqsFollowUpPublisher;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Transcripts queue -> score against the rulebook -> QaScores, follow-up tasks, post-chat survey request.
 * The rulebook is the packaged default unless RULEBOOK_ID (and optionally RULEBOOK_VERSION, else the
 * latest) selects one from the Rulebooks table; it is compiled once per container.
 */
public final class ScoreTranscriptHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final ScoreTranscriptService service;
    private final Priming priming;

    public ScoreTranscriptHandler() {
        this(Environment.fromSystem());
    }

    public ScoreTranscriptHandler(Environment env) {
        EventLog log = new EventLog("score-transcript", env.clock());
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        SqsClient sqs = AwsClients.sqs(env);
        Rulebook rulebook = rulebook(env, dynamo);
        CompiledRulebook compiled = CompiledRulebook.compile(rulebook);
        log.info("rulebook.compiled", Map.of("rulebook", rulebook.id() + "@" + rulebook.version(),
                "phrases", compiled.phraseCount()));
        Scorer scorer = new Scorer(compiled);
        this.service = new ScoreTranscriptService(
                scorer,
                new DynamoQaScoreRepository(dynamo, env.require("QA_SCORES_TABLE")),
                new SqsFollowUpPublisher(sqs, env.require("FOLLOW_UPS_QUEUE_URL")),
                new SurveyRequestPublisher(sqs, env.require("SURVEY_REQUESTS_QUEUE_URL"))::publish,
                env.clock(), log);
        this.batch = new SqsBatchProcessor(new DeadLetterParking(sqs, env.require("DEAD_LETTER_QUEUE_URL")), log);
        // SnapStart: decode + score a sample chat, load the sentence models (the sample need not reach them) and run
        // one SDK read before the snapshot (no-op otherwise).
        this.priming = Priming.register("score-transcript", log,
                Priming.decode(TranscriptMessage.CONTRACT, "transcript", m -> scorer.score(m.toTranscript())),
                scorer::warmUp,
                AwsClients.primingRead(dynamo, env.require("QA_SCORES_TABLE")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, TranscriptMessage.CONTRACT, service::handle);
    }

    private static Rulebook rulebook(Environment env, DynamoDbClient dynamo) {
        Optional<String> id = env.optional("RULEBOOK_ID");
        if (id.isEmpty()) {
            return RulebookLoader.defaultRulebook();
        }
        Optional<Integer> version = env.optional("RULEBOOK_VERSION").map(Integer::parseInt);
        return new DynamoRulebookRepository(dynamo, env.require("RULEBOOKS_TABLE")).load(id.get(), version);
    }
}
