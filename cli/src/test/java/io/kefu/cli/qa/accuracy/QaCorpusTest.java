package io.kefu.cli.qa.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.qa.RulebookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus itself: every transcript passes the contract, every label validates, the size and language mix the
 * issue asks for hold, the split is disjoint, and labels only name rules the default rulebook has.
 */
class QaCorpusTest {
    @Test
    void everyChatDecodesAndEveryLabelValidates() {
        List<GoldChat> dev = GoldSet.load(Corpus.dir("dev"));
        List<GoldChat> test = GoldSet.load(Corpus.dir("test"));
        List<GoldChat> all = new ArrayList<>(dev);
        all.addAll(test);

        assertThat(all).hasSizeGreaterThanOrEqualTo(80);
        assertThat(all.stream().filter(c -> c.gold().lang().equals("zh-CN"))).hasSizeGreaterThanOrEqualTo(50);
        assertThat(all.stream().filter(c -> c.gold().lang().equals("en"))).hasSizeGreaterThanOrEqualTo(30);
        Set<String> devIds = dev.stream().map(GoldChat::id).collect(Collectors.toSet());
        assertThat(test).noneMatch(c -> devIds.contains(c.id()));
        for (List<GoldChat> half : List.of(dev, test)) {
            assertThat(half.stream().map(c -> c.gold().lang()).distinct()).contains("zh-CN", "en");
        }
    }

    /**
     * The second reviewers' labels (corpus/qa/second-opinion*, read by tools/agreement.py) pass the same validation as
     * the first, each against its chat's transcript in the split it labels, and carry their source.
     */
    @Test
    void everySecondOpinionValidatesAgainstItsChat(@TempDir Path tmp) throws IOException {
        for (String[] pair : List.of(new String[] {"second-opinion", "dev"}, new String[] {"second-opinion-test", "test"})) {
            Path labels = Corpus.dir(pair[0]);
            Path split = Corpus.dir(pair[1]);
            Path both = Files.createDirectory(tmp.resolve(pair[0]));
            List<Path> seconds;
            try (Stream<Path> files = Files.list(labels)) {
                seconds = files.filter(f -> f.getFileName().toString().endsWith(".gold.json")).toList();
            }
            for (Path label : seconds) {
                String id = label.getFileName().toString().replace(".gold.json", "");
                assertThat(split.resolve(id + ".json")).as(pair[0] + "/" + id + " labels a chat of " + pair[1]).exists();
                Files.copy(label, both.resolve(label.getFileName()));
                Files.copy(split.resolve(id + ".json"), both.resolve(id + ".json"));
            }
            List<GoldChat> chats = GoldSet.load(both);
            assertThat(chats).as(pair[0]).hasSize(seconds.size()).hasSizeGreaterThanOrEqualTo(60);
            assertThat(chats).allSatisfy(c -> assertThat(c.gold().source()).as(c.id()).isNotNull());
        }
    }

    /** A conversation published twice (IBM's dev.json and test.json share some) must not sit in both halves. */
    @Test
    void noConversationIsInTheCorpusTwice() {
        List<GoldChat> all = new ArrayList<>(GoldSet.load(Corpus.dir("dev")));
        all.addAll(GoldSet.load(Corpus.dir("test")));
        Map<String, String> firstByText = new HashMap<>();
        for (GoldChat chat : all) {
            String text = chat.transcript().messages().stream().map(m -> m.text()).collect(Collectors.joining("\n"));
            String earlier = firstByText.putIfAbsent(text, chat.id());
            assertThat(earlier).as(chat.id() + " repeats " + earlier).isNull();
        }
    }

    /**
     * Twitter threads branch: two conversations can open with the same tweet and get the same templated reply (IBM's
     * en-ibm-0125 did, beside dev en-ibm-0049). A held-out chat must not open like a chat the scorer was tuned on.
     */
    @Test
    void noHeldOutThreadOpensWithATweetOfADevThread() {
        Map<String, String> devOpenings = new HashMap<>();
        for (GoldChat chat : GoldSet.load(Corpus.dir("dev"))) {
            if (chat.id().startsWith("en-")) {
                devOpenings.putIfAbsent(chat.transcript().messages().get(0).text(), chat.id());
            }
        }
        for (GoldChat chat : GoldSet.load(Corpus.dir("test"))) {
            String opening = chat.transcript().messages().get(0).text();
            assertThat(devOpenings.get(opening)).as(chat.id() + " opens like a dev thread").isNull();
        }
    }

    @Test
    void labelsNameOnlyRulesOfTheDefaultRulebookAndCarryTheirSource() {
        Set<String> ruleIds = new HashSet<>();
        RulebookLoader.defaultRulebook().rules().forEach(r -> ruleIds.add(r.id()));
        for (String split : List.of("dev", "test")) {
            for (GoldChat chat : GoldSet.load(Corpus.dir(split))) {
                assertThat(ruleIds).as(chat.id()).containsAll(chat.gold().rules().keySet());
                assertThat(chat.gold().source()).as(chat.id()).isNotNull();
                assertThat(List.of(chat.gold().source().dataset(), chat.gold().source().url(), chat.gold().source().licence(),
                        chat.gold().source().converted())).as(chat.id()).allSatisfy(v -> assertThat(v).isNotBlank());
                Map<String, String> rules = chat.gold().rules();
                if (Boolean.FALSE.equals(chat.gold().customerUpset())) {
                    assertThat(rules.get("empathy")).as(chat.id() + ": nobody upset, empathy cannot apply").isIn(null, "NA");
                }
            }
        }
    }
}
