package io.kefu.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one line per customer message of every labelled chat in the given corpus folders: chat id, message index,
 * the sentence vector. Chinese chats go through bge-small-zh-v1.5, English ones through all-MiniLM-L6-v2: each is
 * the small model made for its language, so the experiment does not lose to a model that cannot read the chat.
 *
 * <p>Usage: {@code EmbedCustomerTurns OUT.tsv DIR...}
 */
public final class EmbedCustomerTurns {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        EmbeddingModel chinese = new BgeSmallZhV15QuantizedEmbeddingModel();
        EmbeddingModel english = new AllMiniLmL6V2QuantizedEmbeddingModel();
        int messages = 0;
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
            for (int d = 1; d < args.length; d++) {
                try (DirectoryStream<Path> labels = Files.newDirectoryStream(Path.of(args[d]), "*.gold.json")) {
                    for (Path label : labels) {
                        String id = label.getFileName().toString().replace(".gold.json", "");
                        EmbeddingModel model = id.startsWith("zh") ? chinese : english;
                        JsonNode chat = json.readTree(label.resolveSibling(id + ".json").toFile()).get("messages");
                        for (int i = 0; i < chat.size(); i++) {
                            String text = chat.get(i).get("text").asText();
                            if (!"customer".equals(chat.get(i).get("role").asText()) || text.isBlank()) {
                                continue;
                            }
                            StringBuilder line = new StringBuilder(id).append('\t').append(i);
                            for (float x : model.embed(text).content().vector()) {
                                line.append('\t').append(x);
                            }
                            out.println(line);
                            messages++;
                        }
                    }
                }
            }
        }
        System.err.println(messages + " customer messages embedded into " + args[0]);
    }
}
