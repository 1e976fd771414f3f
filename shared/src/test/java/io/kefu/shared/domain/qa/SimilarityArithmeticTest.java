package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.EnglishStemmer;

/** The hashed n-gram bag and the stem cache against the plain computations they replace. */
class SimilarityArithmeticTest {

    /** Multiset intersection of two n-gram arrays by sorting and merging: the reference. */
    private static int sortedCommon(int[] a, int[] b) {
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    @Test
    void gramBagCountsTheMultisetIntersectionOfUnigramsAndBigrams() {
        // "还有还有" has 还 x2, 有 x2, 还有 x2, 有还 x1; "还有什么" shares 还, 有, 还有
        GramBag script = GramBag.of("还有还有");
        assertThat(script.size()).isEqualTo(7);
        assertThat(script.common(GramBag.grams("还有什么", 0, 4))).isEqualTo(3);
        assertThat(script.common(GramBag.grams("有还有还有", 0, 5))).isEqualTo(7);
        assertThat(GramBag.of("").size()).isZero();
        assertThat(GramBag.of("").common(GramBag.grams("abc", 0, 3))).isZero();
        assertThat(GramBag.grams("xabcx", 1, 4)).containsExactly('a', 'b', 'c', ('a' << 16) | 'b', ('b' << 16) | 'c');
    }

    @Test
    void gramBagAgreesWithSortAndMergeOnRandomTexts() {
        Random random = new Random(11);
        String alphabet = "还有什么问题吗您好的谢谢ab \n";
        for (int round = 0; round < 5000; round++) {
            String a = randomText(random, alphabet, random.nextInt(40));
            String b = randomText(random, alphabet, random.nextInt(40));
            int[] ga = GramBag.grams(a, 0, a.length());
            int[] gb = GramBag.grams(b, 0, b.length());
            assertThat(GramBag.of(b).common(ga)).as("%s / %s", a, b).isEqualTo(sortedCommon(ga, gb));
            assertThat(GramBag.of(a).common(gb)).isEqualTo(sortedCommon(ga, gb));
        }
    }

    @Test
    void stemCacheReturnsWhatTheStemmerSaysAlsoAfterItFillsUp() {
        EnglishStemmer stemmer = new EnglishStemmer();
        StemCache cache = new StemCache();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) { // more words than the cache holds: it clears and keeps answering right
            String word = randomText(random, "abcdeilnorstuy", 3 + random.nextInt(8)) + (i % 3 == 0 ? "ing" : "ed");
            char[] buffer = ("  " + word + " ").toCharArray();
            stemmer.setCurrent(word);
            stemmer.stem();
            assertThat(cache.stem(buffer, 2, word.length())).isEqualTo(stemmer.getCurrent());
            assertThat(cache.stem(buffer, 2, word.length())).isEqualTo(stemmer.getCurrent());
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
