package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 投诉分级 from the customer's complaint turns (upset, or naming a problem): the type whose words the
 * customer used most in them, escalation threats matched as whole words, severity from threats, repeated
 * contact and upset. A chat without a complaint turn or a threat is no complaint.
 *
 * <p>Where the rulebook uses the complaint-type model, the model decides what the lexicons leave open: a chat
 * the type lexicons give no type (OTHER, or no complaint) gets the model's type, NONE included, when the model
 * is at least {@value #MODEL_SURE} sure. On chats no one tuned the word lists on, that was right more often than
 * either alone (docs/qa-accuracy.md, "The complaint-type model"). What a lead wrote still wins: a type phrase
 * the customer used, a threat to go to a regulator, the media or a lawyer (always a complaint), and a chat the
 * rulebook's exclusions made no complaint ({@code notProblems}, {@code selfCaused}, {@code calmRequests}); and an
 * upset or escalating customer is a complaint, the model only naming its type.
 */
final class ComplaintGrader {
    private static final int PHRASE_WEIGHT_MAX = 12;
    /**
     * How sure the model must be to decide: chosen on halves measured before they were read and on dev's folds
     * (corpus/qa/tools/gate-check.py, docs/qa-accuracy.md "The complaint-type model").
     */
    static final double MODEL_SURE = 0.5;

    private final int[] typeLexicon = new int[ComplaintType.values().length];
    private final int[] escalationLexicon = new int[EscalationSignal.values().length];
    private final int problemLexicon;
    private final int notProblemLexicon;
    private final int selfCausedLexicon;
    private final int calmRequestLexicon;
    private final ComplaintTypeModel model; // null: the lexicons alone

    /** The model's id as the grades record it; null: the lexicons alone. */
    String modelId() {
        return model == null ? null : model.id();
    }

    ComplaintGrader(CompiledRulebook book, ComplaintTypeModel model) {
        this.model = model;
        for (ComplaintType type : ComplaintType.values()) {
            typeLexicon[type.ordinal()] = book.lexiconOf(Lexicon.complaint(type));
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            escalationLexicon[signal.ordinal()] = book.lexiconOf(Lexicon.escalation(signal));
        }
        problemLexicon = book.lexiconOf(Lexicon.PROBLEM);
        notProblemLexicon = book.lexiconOf(Lexicon.NOT_PROBLEM);
        selfCausedLexicon = book.lexiconOf(Lexicon.SELF_CAUSED);
        calmRequestLexicon = book.lexiconOf(Lexicon.CALM_REQUEST);
    }

    /** The lexicons of a threat to go to a regulator, the media or a lawyer: an upset sign too. */
    int[] threatLexicons() {
        return new int[] {escalationLexicon[EscalationSignal.REGULATOR.ordinal()],
                escalationLexicon[EscalationSignal.MEDIA.ordinal()], escalationLexicon[EscalationSignal.LEGAL.ordinal()]};
    }

    void warmUp() {
        if (model != null) {
            model.warmUp();
        }
    }

    ComplaintGrade grade(ScoredChat chat) {
        ComplaintGrade grade = byWordsAndModel(chat);
        return model == null ? grade : grade.withModel(modelId());
    }

    private ComplaintGrade byWordsAndModel(ScoredChat chat) {
        Set<Integer> upsetTurns = new HashSet<>();
        Map<Integer, String> reasons = new TreeMap<>();
        for (UpsetSignal.Turn turn : chat.upset()) {
            upsetTurns.add(turn.index());
            reasons.put(turn.index(), turn.evidence());
        }
        boolean upset = !upsetTurns.isEmpty();
        Set<Integer> complaintTurns = new HashSet<>(upsetTurns);
        boolean excluded = false; // a problem word the rulebook's notProblems say names no problem
        for (int i : chat.customerMessages) {
            String problem = chat.hits.get(i).evidenceOutside(problemLexicon, notProblemLexicon); // null: none named
            if (problem != null) {
                complaintTurns.add(i);
                reasons.putIfAbsent(i, problem);
            } else {
                excluded |= chat.hits.get(i).has(problemLexicon);
            }
        }
        ComplaintType best = bestType(chat, complaintTurns);
        if (best == ComplaintType.NONE) {
            best = bestType(chat, null);
        }
        Set<EscalationSignal> signals = EnumSet.noneOf(EscalationSignal.class);
        for (EscalationSignal signal : EscalationSignal.values()) {
            int lexicon = escalationLexicon[signal.ordinal()];
            for (int i : chat.customerMessages) {
                if (chat.hits.get(i).has(lexicon)) {
                    signals.add(signal);
                    reasons.putIfAbsent(i, chat.hits.get(i).evidence(lexicon));
                }
            }
        }
        boolean threat = signals.contains(EscalationSignal.REGULATOR) || signals.contains(EscalationSignal.MEDIA)
                || signals.contains(EscalationSignal.LEGAL);
        // a repair the customer caused, or a calm request the rulebook lists: the rulebook says no complaint
        boolean ruledOut = !threat && (saidByCustomer(chat, selfCausedLexicon)
                || !upset && saidByCustomer(chat, calmRequestLexicon));
        if (complaintTurns.isEmpty() && signals.isEmpty() || ruledOut) {
            best = ComplaintType.NONE; // a question or a request naming a topic, or ruled out
        } else if (best == ComplaintType.NONE) {
            best = ComplaintType.OTHER;
        }
        if (model != null && (best == ComplaintType.OTHER || best == ComplaintType.NONE && !ruledOut && !excluded)) {
            best = modelType(chat, best, upset || !signals.isEmpty(), reasons);
        }
        if (best == ComplaintType.NONE) {
            return ComplaintGrade.none();
        }
        List<ComplaintGrade.Reason> why = new ArrayList<>(reasons.size());
        reasons.forEach((turn, evidence) -> why.add(
                new ComplaintGrade.Reason(turn, Findings.evidence(evidence), upsetTurns.contains(turn))));
        return new ComplaintGrade(best, severity(signals, upset, best), List.copyOf(signals), why);
    }

    /**
     * The model's type for a chat the lexicons left open, when it is sure enough; else the lexicons' call. An upset
     * or escalating customer (threat, repeated contact) stays a complaint: the model only names its type. Its reason
     * goes on the first customer turn, before any words found there: the model read the whole chat.
     */
    private ComplaintType modelType(ScoredChat chat, ComplaintType lexicons, boolean complained,
            Map<Integer, String> reasons) {
        ComplaintTypeModel.Prediction sure = model.predict(chat.transcript);
        if (sure == null || sure.probability() < MODEL_SURE || complained && sure.type() == ComplaintType.NONE) {
            return lexicons;
        }
        if (sure.type() != ComplaintType.NONE && !chat.customerMessages.isEmpty()) {
            String why = chat.reason("complaint.model", Math.round(100 * sure.probability()) + "%",
                    String.join(", ", sure.evidence()));
            reasons.merge(chat.customerMessages.get(0), why, (words, m) -> m + "; " + words);
        }
        return sure.type();
    }

    private static boolean saidByCustomer(ChatAnalysis chat, int lexicon) {
        for (int i : chat.customerMessages) {
            if (chat.hits.get(i).has(lexicon)) {
                return true;
            }
        }
        return false;
    }

    private static ComplaintSeverity severity(Set<EscalationSignal> signals, boolean upset, ComplaintType type) {
        if (signals.contains(EscalationSignal.REGULATOR) || signals.contains(EscalationSignal.MEDIA)
                || signals.contains(EscalationSignal.LEGAL)) {
            return ComplaintSeverity.HIGH;
        }
        if (signals.contains(EscalationSignal.REPEATED_CONTACT) || (upset && type != ComplaintType.NONE)) {
            return ComplaintSeverity.MEDIUM;
        }
        return type != ComplaintType.NONE ? ComplaintSeverity.LOW : ComplaintSeverity.NONE;
    }

    /**
     * How much a type's words say in one sentence: the characters they cover (at most {@value #PHRASE_WEIGHT_MAX}
     * per match), so a specific phrase ("charged twice", 质量问题) outweighs a passing topic noun ("app", 快递).
     */
    private static int specificity(MessageHits h, int lexicon) {
        int[] spans = h.spans(lexicon);
        int weight = 0;
        for (int k = 0; k < h.count(lexicon); k++) {
            weight += Math.min(PHRASE_WEIGHT_MAX, spans[2 * k + 1] - spans[2 * k]);
        }
        return weight;
    }

    /** The type whose words weigh most in these turns (null: in every customer turn). */
    private ComplaintType bestType(ChatAnalysis chat, Set<Integer> turns) {
        ComplaintType best = ComplaintType.NONE;
        int bestCount = 0;
        int quality = 0; // PRODUCT_QUALITY's weight, below
        for (ComplaintType type : ComplaintType.values()) {
            int lexicon = typeLexicon[type.ordinal()];
            int count = 0;
            for (int i : chat.customerMessages) {
                if (turns == null || turns.contains(i)) {
                    count += specificity(chat.hits.get(i), lexicon);
                }
            }
            quality = type == ComplaintType.PRODUCT_QUALITY ? count : quality;
            if (count > bestCount) {
                best = type;
                bestCount = count;
            }
        }
        // a fault named with the return or exchange asked for it (买了两次都坏了，我现在能退货吗) is a complaint about the
        // product; AFTER_SALES is the return, refund or repair itself going wrong (docs/qa-gold-format.md "complaint")
        if (best == ComplaintType.AFTER_SALES && quality > 0) {
            return ComplaintType.PRODUCT_QUALITY;
        }
        return best;
    }
}
