package io.kefu.shared.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.qa.Lang;
import io.kefu.shared.domain.qa.SentenceVectors;
import org.junit.jupiter.api.Test;

/** The real sentence models, in-process: the ones the shipped complaint-type model was trained with. */
class OnnxSentenceVectorsTest {
    private static final SentenceVectors VECTORS = SentenceVectors.installed();

    @Test
    void theInstalledSentenceModelsAreTheOnnxOnesTheModelFileNames() {
        assertThat(VECTORS).isInstanceOf(OnnxSentenceVectors.class);
        assertThat(VECTORS.id()).isEqualTo("all-minilm-l6-v2-q+bge-small-zh-v15-q");
        assertThat(VECTORS.of("my parcel never came", Lang.EN)).hasSize(VECTORS.dimensions(Lang.EN)).hasSize(384);
        assertThat(VECTORS.of("我的快递还没到", Lang.ZH)).hasSize(VECTORS.dimensions(Lang.ZH)).hasSize(512);
    }

    @Test
    void theSameTextGivesTheSameVector() {
        // the model file is retrained byte for byte in a test: the vectors may not drift from run to run
        assertThat(VECTORS.of("the screen cracked on day one", Lang.EN))
                .containsExactly(VECTORS.of("the screen cracked on day one", Lang.EN));
    }

    @Test
    void aComplaintSaidInOtherWordsLiesNearerThanAnotherTopic() {
        assertThat(cosine(Lang.EN, "my package still hasn't arrived", "where is my parcel, it is a week late"))
                .isGreaterThan(cosine(Lang.EN, "my package still hasn't arrived", "how do I change my password"));
        assertThat(cosine(Lang.ZH, "快递怎么还没到", "包裹一直没有送过来"))
                .isGreaterThan(cosine(Lang.ZH, "快递怎么还没到", "这件衣服有红色的吗"));
    }

    private static double cosine(Lang lang, String a, String b) {
        float[] x = VECTORS.of(a, lang);
        float[] y = VECTORS.of(b, lang);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }
}
