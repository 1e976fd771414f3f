package io.kefu.shared.aws.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.Json;
import io.kefu.shared.testing.EventFixtures;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The detail's format: version byte + raw DEFLATE primed with the dictionary; round trip, and what it saves. */
class ScoreDetailTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    private static ScoreDetail detail(String fixture) {
        Transcript t = TranscriptMessage.CONTRACT.decode(EventFixtures.transcript(fixture)).toTranscript();
        QaScore s = SCORER.score(t);
        return new ScoreDetail(s.findings(), s.promises(), t.messages());
    }

    @Test
    void everySampleRoundTripsAndTheDictionaryMoreThanHalvesItAgainstGzip() {
        for (String fixture : new String[] {"zh-rude-agent", "zh-promise-made", "en-transfer-repeat", "en-good-agent"}) {
            ScoreDetail d = detail(fixture);
            byte[] stored = d.compress();
            assertThat(stored[0]).isEqualTo((byte) ScoreDetail.DICTIONARY);
            assertThat(ScoreDetail.decompress(stored)).isEqualTo(d);
            int gzip = DynamoQaScoreRepository.gzip(Json.write(d)).length;
            assertThat(stored.length).as(fixture + ": %d bytes vs gzip %d", stored.length, gzip).isLessThan(gzip / 2);
        }
    }

    @Test
    void aLargeDetailRoundTripsToo() {
        ScoreDetail d = detail("zh-rude-agent");
        ScoreDetail big = new ScoreDetail(d.findings(), d.promises(), java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> d.messages().get(i % d.messages().size())).toList());
        assertThat(ScoreDetail.decompress(big.compress())).isEqualTo(big);
    }

    @Test
    void aDetailOfAnUnknownDictionaryIsRefusedNotMisread() {
        byte[] stored = detail("zh-rude-agent").compress();
        stored[0] = 7;
        assertThatThrownBy(() -> ScoreDetail.decompress(stored)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("unknown dictionary 7");
    }

    @Test
    void theOlderGzipDetailIsStillRead() {
        ScoreDetail d = detail("en-good-agent");
        assertThat(ScoreDetail.decompress(DynamoQaScoreRepository.gzip(Json.write(d)))).isEqualTo(d);
        assertThat(new String(ScoreDetail.dictionary(1), StandardCharsets.UTF_8)).contains("\"findings\":[");
    }
}
