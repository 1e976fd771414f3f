package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.SpoofChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The look-alike table shipped in the jar (qa/confusables-ascii.tsv) is exactly what ICU's UTS #39 skeletons
 * give for BMP letters that NFKC leaves alone and that imitate one ASCII letter or digit. ICU4J is 15 MB,
 * too big for the function jars (budget 15 MB, docs/benchmarks.md), so it is a test dependency only; when ICU
 * is upgraded this test says whether the table needs regenerating (the expected content is printed).
 */
class ConfusablesTableTest {

    @Test
    void vendoredTableMatchesIcuSkeletons() throws IOException {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        Map<Integer, Character> expected = new TreeMap<>();
        for (int c = 0x80; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c) || !Character.isDefined(c) || !Character.isLetter(c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            if (!Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)) {
                continue;
            }
            String skeleton = checker.getSkeleton(s);
            if (skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetterOrDigit(skeleton.charAt(0))) {
                expected.put(c, Character.toLowerCase(skeleton.charAt(0)));
            }
        }
        Map<Integer, Character> vendored = new TreeMap<>();
        try (InputStream in = ConfusablesTableTest.class.getResourceAsStream("/qa/confusables-ascii.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    vendored.put(Integer.parseInt(cols[0], 16), cols[1].charAt(0));
                }
            }
        }
        StringBuilder regenerated = new StringBuilder();
        expected.forEach((c, a) -> regenerated.append(String.format("%04X\t%c%n", c, a)));
        assertThat(vendored).as("regenerate qa/confusables-ascii.tsv with:%n%s", regenerated).isEqualTo(expected);
    }
}
