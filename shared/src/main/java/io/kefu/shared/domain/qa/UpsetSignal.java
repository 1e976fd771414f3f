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
 *       when one of the customer's last two sentences was impatient too (chasing); nothing in a sentence that
 *       thanks or asks politely ({@code gratitude}: 请问什么时候能退款呢 is a question, not a chase);</li>
 *   <li>{@value #THREAT} for an escalation threat (12315, 曝光, lawyer);</li>
 *   <li>{@value #SHOUTING} for angry punctuation (!!, ?!; not ??? -- puzzlement) or shouted capitals
 *       ({@link ToneMarks}), unless the sentence thanks ("Thank you!!") or delights naming no problem ("I love my new
 *       8!!!!", "This is so cool!!": excitement is loud too; "my phone freezes ... Love the new update!!!!" is
 *       sarcasm); {@value #SHOUTING} for a negative emoji;</li>
 *   <li>{@value #RHETORICAL} for a rhetorical-question frame (不就*吗, 难道*吗, 凭什么, "how hard is it");</li>
 *   <li>{@value #ACCUSATION} for an accusation: an accuser (你们, "you") then an accusing predicate (根本没,
 *       "messed up") in the same clause, at most {@value #ACCUSATION_REACH} characters apart;</li>
 *   <li>chasing stated in numbers ({@link ChasingSignal}): {@value #CHASED} for 2+ contacts or a wait of a week
 *       or more, {@value #IMPATIENT} for a shorter stated wait;</li>
 *   <li>{@value #REPEATED} when the sentence says nearly the same as one of the customer's last three
 *       (character n-gram Dice >= {@code repeatSimilarity}): the problem is not being solved (weak alone: an
 *       order card pasted twice is not anger; none for the opening question restated to an opener that greets,
 *       which neither chases nor counts its repeated words);</li>
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
    static final int RHETORICAL = 2;
    static final int ACCUSATION = 2;
    static final int CHASED = 2;
    static final int ACCUSATION_REACH = 12;
    private static final int REPEAT_LOOKBACK = 3;
    private static final int REPEAT_MIN_CHARS = 10;

    /** An upset customer sentence, its grade and what showed it (raw text; redact before storing). */
    record Turn(int index, int grade, String evidence) {}

    private UpsetSignal() {}

    static List<Turn> turns(CompiledRulebook book, ScoredChat chat, int[] escalation) {
        var signals = book.rulebook().signals();
        int negative = book.lexiconOf(Lexicon.NEGATIVE);
        int intensifier = book.lexiconOf(Lexicon.INTENSIFIER);
        int negation = book.lexiconOf(Lexicon.NEGATION);
        int repeated = book.lexiconOf(Lexicon.REPEATED);
        int impatience = book.lexiconOf(Lexicon.IMPATIENCE);
        int rhetorical = book.lexiconOf(Lexicon.RHETORICAL);
        int accuser = book.lexiconOf(Lexicon.ACCUSER);
        int accusation = book.lexiconOf(Lexicon.ACCUSATION);
        int notAccuser = book.lexiconOf(Lexicon.NOT_ACCUSER);
        int gratitude = book.lexiconOf(Lexicon.GRATITUDE);
        int delight = book.lexiconOf(Lexicon.DELIGHT);
        int problem = book.lexiconOf(Lexicon.PROBLEM);
        int notProblem = book.lexiconOf(Lexicon.NOT_PROBLEM);
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
                if (NegationScope.governs(h, negation, intensifier, begin)) {
                    continue;
                }
                // an intensifier reaches its phrase as a negation does (太生气, 真的很失望)
                int g = EMOTION + (NegationScope.governs(h, intensifier, intensifier, begin) ? INTENSIFIED : 0);
                if (g > grade) {
                    grade = g;
                    evidence = h.original(begin, spans[2 * k + 1]);
                }
            }
            if (h.has(rhetorical) && grade < RHETORICAL) {
                grade = RHETORICAL;
                evidence = h.evidence(rhetorical);
            }
            String accused = accusation(h, accuser, notAccuser, accusation);
            if (accused != null && grade < ACCUSATION) {
                grade = ACCUSATION;
                evidence = accused;
            }
            ChasingSignal.Chase chase = ChasingSignal.read(raw);
            if (chase.strength() == ChasingSignal.Strength.STRONG) {
                grade += CHASED;
                evidence = evidence == null ? chase.evidence() : evidence;
            }
            boolean courteous = h.has(gratitude);
            boolean impatient = !courteous && h.countOutside(impatience, -1) > 0
                    && !NegationScope.governs(h, negation, intensifier, h.beginOutside(impatience, -1));
            if (chase.strength() == ChasingSignal.Strength.WEAK && !impatient && !courteous) {
                // a short stated wait (三天了) is impatience: with an impatient word (还没, 这么久) it is one sign, not two
                grade += IMPATIENT;
                evidence = evidence == null ? chase.evidence() : evidence;
            }
            boolean restated = restatedToOpener(chat, customer, s, signals.repeatSimilarity());
            if (impatient) {
                // chasing: impatient again within the last two customer turns (not the question restated to the opener)
                grade += IMPATIENT + (!restated && (s - 1 >= 0 && impatientTurns.contains(s - 1)
                        || s - 2 >= 0 && impatientTurns.contains(s - 2)) ? CHASING : 0);
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
            // delight names no problem as the complaint grader reads one: a problem word outside complaint.notProblems
            if (signals.angryPunctuation() && !courteous
                    && (ToneMarks.angryPunctuation(raw) || ToneMarks.shouting(raw))
                    && !(h.has(delight) && h.countOutside(problem, notProblem) == 0)) {
                grade += SHOUTING;
                evidence = evidence == null ? raw : evidence;
            }
            String emoji = ToneMarks.negativeEmoji(raw);
            if (emoji != null) {
                grade += SHOUTING;
                evidence = evidence == null ? raw : evidence;
            }
            if (!restated && repeatsEarlier(chat, customer, s, signals.repeatSimilarity())) {
                grade += REPEATED;
                evidence = evidence == null ? raw : evidence;
            }
            int before = repeatedWords;
            repeatedWords += restated ? 0 : h.count(repeated);
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

    /** An accuser then an accusing predicate in the same clause, close together: the raw text from one to the other. */
    private static String accusation(MessageHits h, int accuser, int notAccuser, int accusation) {
        if (!h.has(accuser) || !h.has(accusation)) {
            return null;
        }
        int[] who = h.spans(accuser);
        int[] what = h.spans(accusation);
        String text = h.normalizedText();
        for (int a = 0; a < h.count(accuser); a++) {
            if (h.overlaps(notAccuser, who[2 * a], who[2 * a + 1])) {
                continue; // 你好, "thank you": a greeting or thanks, not a "you" being blamed
            }
            for (int p = 0; p < h.count(accusation); p++) {
                int from = who[2 * a + 1];
                int to = what[2 * p];
                if (to >= from && to - from <= ACCUSATION_REACH && text.substring(from, to).indexOf(TextNormalizer.CLAUSE) < 0) {
                    return h.original(who[2 * a], what[2 * p + 1]);
                }
            }
        }
        return null;
    }

    /**
     * The customer's opening question asked again, in nearly the same words, in answer to the agent's opening
     * greeting, with no other reply between: it was sent before anyone joined and the opener (有什么问题我可以帮您处理或
     * 解决呢?) did not read it, so saying it again is no sign the problem is going unsolved (half Q zh-jddc-0764, 0765,
     * dev 0092). Short questions count too (为什么一直不更新啊): the same words in answer to the greeting is what shows
     * it. After a first reply that acknowledges it (好的) the repeat is chasing.
     */
    private static boolean restatedToOpener(ScoredChat chat, List<Integer> customer, int s, double threshold) {
        List<Integer> agent = chat.agentReplies;
        if (s == 0 || agent.isEmpty()) {
            return false;
        }
        int opener = agent.get(0);
        int earlier = customer.get(s - 1);
        int at = customer.get(s);
        return earlier < opener && opener < at && (agent.size() == 1 || agent.get(1) > at)
                && CompiledRulebook.dice(chat.hits.get(at), chat.hits.get(earlier)) >= threshold && chat.openerGreets();
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

    /** "!!", "?!" or "!?" (half or full width): shouting at the agent; see {@link ToneMarks}. */
    static boolean angryPunctuation(String raw) {
        return ToneMarks.angryPunctuation(raw);
    }
}
