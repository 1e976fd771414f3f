package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * How upset the customer is, graded per customer sentence, from the rulebook's signal lists:
 * <ul>
 *   <li>{@value #EMOTION} for a negative-emotion phrase ("气死", "坑死人", "ridiculous", "took my money"),
 *       +{@value #INTENSIFIED} when an intensifier comes just before it (太, 真的, "so"), and nothing when a
 *       negation does (不生气, "not angry");</li>
 *   <li>{@value #IMPATIENT} for an impatience phrase (怎么还没, 到底, "still not"): weak alone, +{@value #CHASING}
 *       when one of the customer's last two sentences was impatient too (chasing);</li>
 *   <li>{@value #THREAT} for an escalation threat (12315, 曝光, lawyer);</li>
 *   <li>{@value #SHOUTING} for angry punctuation (!!, ？？？, ?!) or two shouted English words;</li>
 *   <li>{@value #REPEATED} when the sentence says nearly the same as one of the customer's last three
 *       (character n-gram Dice >= {@code repeatSimilarity}): the problem is not being solved (weak alone: an
 *       order card pasted twice is not anger);</li>
 *   <li>{@value #REPEATED_WORD} once a {@code repeatedWords} phrase (退款) has come {@code repeatThreshold}
 *       times: weak alone, a merchant stating facts is not upset.</li>
 * </ul>
 * A sentence scoring {@code upsetThreshold} or more is an upset turn; empathy is judged after each.
 */
final class UpsetSignal {
    static final int EMOTION = 2;
    static final int INTENSIFIED = 1;
    static final int THREAT = 2;
    static final int SHOUTING = 2;
    static final int REPEATED = 1;
    static final int IMPATIENT = 1;
    static final int CHASING = 1;
    static final int REPEATED_WORD = 1;
    private static final int NEGATION_REACH = 3;
    private static final int REPEAT_LOOKBACK = 3;
    private static final int REPEAT_MIN_CHARS = 10;

    /** An upset customer sentence, its grade and what showed it (raw text; redact before storing). */
    record Turn(int index, int grade, String evidence) {}

    private UpsetSignal() {}

    static List<Turn> turns(CompiledRulebook book, ChatAnalysis chat, int[] escalation) {
        var signals = book.rulebook().signals();
        int negative = book.lexiconOf(Lexicon.NEGATIVE);
        int intensifier = book.lexiconOf(Lexicon.INTENSIFIER);
        int negation = book.lexiconOf(Lexicon.NEGATION);
        int repeated = book.lexiconOf(Lexicon.REPEATED);
        int impatience = book.lexiconOf(Lexicon.IMPATIENCE);
        List<Turn> out = new ArrayList<>();
        java.util.Set<Integer> impatientTurns = new java.util.HashSet<>();
        int repeatedWords = 0;
        List<Integer> customer = chat.customerMessages;
        for (int s = 0; s < customer.size(); s++) {
            int i = customer.get(s);
            MessageHits h = chat.hits.get(i);
            String raw = h.raw();
            int grade = 0;
            String evidence = null;
            int[] spans = h.spans(negative);
            for (int k = 0; k < h.count(negative); k++) {
                int begin = spans[2 * k];
                if (near(h, negation, begin)) {
                    continue;
                }
                int g = EMOTION + (near(h, intensifier, begin) ? INTENSIFIED : 0);
                if (g > grade) {
                    grade = g;
                    evidence = h.original(begin, spans[2 * k + 1]);
                }
            }
            boolean impatient = h.countOutside(impatience, -1) > 0 && !near(h, negation, h.beginOutside(impatience, -1));
            if (impatient) {
                // chasing: impatient again within the last two customer turns
                grade += IMPATIENT + (s - 1 >= 0 && impatientTurns.contains(s - 1)
                        || s - 2 >= 0 && impatientTurns.contains(s - 2) ? CHASING : 0);
                impatientTurns.add(s);
                evidence = evidence == null ? h.evidence(impatience) : evidence;
            }
            for (int lexicon : escalation) {
                if (h.has(lexicon)) {
                    grade += THREAT;
                    evidence = evidence == null ? h.evidence(lexicon) : evidence;
                    break;
                }
            }
            if (signals.angryPunctuation() && (angryPunctuation(raw) || shouting(raw))) {
                grade += SHOUTING;
                evidence = evidence == null ? raw : evidence;
            }
            if (repeatsEarlier(chat, customer, s, signals.repeatSimilarity())) {
                grade += REPEATED;
                evidence = evidence == null ? raw : evidence;
            }
            int before = repeatedWords;
            repeatedWords += h.count(repeated);
            if (repeatedWords >= signals.repeatThreshold() && before < repeatedWords) {
                grade += REPEATED_WORD;
                evidence = evidence == null ? h.evidence(repeated) : evidence;
            }
            if (grade >= signals.upsetThreshold()) {
                out.add(new Turn(i, grade, evidence));
            }
        }
        return out;
    }

    /** Whether a phrase of {@code lexicon} ends at most NEGATION_REACH chars before {@code begin}, in the same clause. */
    private static boolean near(MessageHits h, int lexicon, int begin) {
        int[] spans = h.spans(lexicon);
        String text = h.normalizedText();
        for (int k = 0; k < h.count(lexicon); k++) {
            int end = spans[2 * k + 1];
            if (end <= begin && begin - end <= NEGATION_REACH && text.substring(end, begin).indexOf(TextNormalizer.CLAUSE) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeatsEarlier(ChatAnalysis chat, List<Integer> customer, int s, double threshold) {
        String text = chat.hits.get(customer.get(s)).normalizedText();
        if (text.length() < REPEAT_MIN_CHARS) {
            return false;
        }
        for (int back = 1; back <= REPEAT_LOOKBACK && s - back >= 0; back++) {
            MessageHits earlier = chat.hits.get(customer.get(s - back));
            if (earlier.normalizedText().length() >= REPEAT_MIN_CHARS) {
                if (CompiledRulebook.dice(chat.hits.get(customer.get(s)), earlier) >= threshold) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "!!", "？？？", "?!" or "!?" (half or full width): shouting at the agent. */
    static boolean angryPunctuation(String raw) {
        int bangs = 0;
        int questions = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean bang = c == '!' || c == '！';
            boolean question = c == '?' || c == '？';
            if ((bang && (bangs > 0 || questions > 0)) || (question && (bangs > 0 || questions >= 2))) {
                return true;
            }
            bangs = bang ? bangs + 1 : 0;
            questions = question ? questions + 1 : 0;
        }
        return false;
    }

    /** Two or more all-capital English words of 3+ letters ("WHERE IS MY REFUND"); a lone acronym is not shouting. */
    static boolean shouting(String raw) {
        int words = 0;
        int run = 0;
        boolean lower = false;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            if (c < 0x80 && Character.isLetter(c)) {
                run++;
                lower |= Character.isLowerCase(c);
            } else {
                if (run >= 3 && !lower) {
                    words++;
                }
                run = 0;
                lower = false;
            }
        }
        return words >= 2;
    }
}
