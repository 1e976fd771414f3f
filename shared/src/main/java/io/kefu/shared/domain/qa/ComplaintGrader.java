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
 * either alone (docs/qa-accuracy.md, "The complaint-type model"). What a lead wrote wins: a threat to go to a
 * regulator, the media or a lawyer, or repeated contact (always a complaint, the model only naming its type), and a
 * chat the rulebook's exclusions made no complaint ({@code notProblems}, {@code selfCaused}, {@code calmRequests}).
 *
 * <p>A type phrase and an upset customer win unless the model is at least the rulebook's {@code complaint.overruleAt}
 * sure (0.75 by default): then it retypes a chat a type phrase typed, and reads an upset customer's chat as none (a
 * chat with a type phrase only once the customer wrote {@value #UNDO_FAULT_MESSAGES} messages). Reviewers type a chat
 * by what it is about, and on dev's folds the model, that sure, was right more often than the lists it overruled
 * (docs/qa-accuracy.md, "The model overrules the lists"). The lead's exclusions and an escalation the customer voiced
 * always win.
 */
final class ComplaintGrader {
    private static final int PHRASE_WEIGHT_MAX = 12;
    /**
     * How sure the model must be to decide: chosen on halves measured before they were read and on dev's folds
     * (corpus/qa/tools/gate-check.py, docs/qa-accuracy.md "The complaint-type model").
     */
    static final double MODEL_SURE = 0.5;
    /**
     * How many messages the customer must have written before the model may read a chat as none over a type's words
     * they used: in a shorter chat it has too few of their words, and is sure of the wrong call (你们的鞋子开胶了，怎么办
     * is none to it at 96%). On dev's folds, fewer lost more fault calls than they undid (docs/qa-accuracy.md,
     * "The model overrules the lists").
     */
    static final int UNDO_FAULT_MESSAGES = 5;

    private final int[] typeLexicon = new int[ComplaintType.values().length];
    private final int[] escalationLexicon = new int[EscalationSignal.values().length];
    private final int problemLexicon;
    private final int notProblemLexicon;
    private final int selfCausedLexicon;
    private final int calmRequestLexicon;
    private final ComplaintTypeModel model; // null: the lexicons alone
    private final double overruleAt;

    /** The model's id as the grades record it; null: the lexicons alone. */
    String modelId() {
        return model == null ? null : model.id();
    }

    ComplaintGrader(CompiledRulebook book, ComplaintTypeModel model) {
        this.model = model;
        this.overruleAt = book.rulebook().complaint().overruleAt();
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
        boolean open = best == ComplaintType.OTHER || best == ComplaintType.NONE && !ruledOut && !excluded;
        ComplaintType lists = best;
        if (model != null && (open || best != ComplaintType.NONE && overruleAt < 1)) {
            best = modelType(chat, best, open, upset, !signals.isEmpty(), reasons);
        }
        if (best == ComplaintType.NONE && lists == ComplaintType.NONE) {
            return ComplaintGrade.none();
        }
        List<ComplaintGrade.Reason> why = new ArrayList<>(reasons.size());
        reasons.forEach((turn, evidence) -> why.add(
                new ComplaintGrade.Reason(turn, Findings.evidence(evidence), upsetTurns.contains(turn))));
        if (best == ComplaintType.NONE) { // overruled: the turns the lists read as a complaint say why it was asked
            return new ComplaintGrade(ComplaintType.NONE, ComplaintSeverity.NONE, List.of(), why);
        }
        return new ComplaintGrade(best, severity(signals, upset, best), List.copyOf(signals), why);
    }

    /**
     * The model's type where it decides, else the lists' ({@code lists}). Where the lists left the type {@code open}
     * it decides when at least {@value #MODEL_SURE} sure, but an upset customer's chat stays a complaint; over a type
     * phrase, and to read an upset customer's chat as none, it must be {@code overruleAt} sure, and to read a chat with
     * a type phrase as none the customer must have written {@value #UNDO_FAULT_MESSAGES} messages. An escalation the
     * customer voiced (a threat, repeated contact) is always a complaint: the model only names its type. Its reason
     * goes on the first customer turn, before any words found there: the model read the whole chat.
     */
    private ComplaintType modelType(ScoredChat chat, ComplaintType lists, boolean open, boolean upset, boolean escalated,
            Map<Integer, String> reasons) {
        ComplaintTypeModel.Prediction sure = model.predict(chat.transcript);
        if (sure == null || sure.probability() < MODEL_SURE || !open && sure.type() == lists) {
            return lists;
        }
        boolean overrules = overruleAt < 1 && sure.probability() >= overruleAt;
        boolean none = sure.type() == ComplaintType.NONE;
        if (!open && !overrules // a type phrase stands
                || none && escalated // an escalation is a complaint
                || none && upset && !overrules // so is an upset customer's
                || none && !open && chat.customerMessages.size() < UNDO_FAULT_MESSAGES) { // a fault named in a short chat
            return lists;
        }
        if (!chat.customerMessages.isEmpty() && (!none || lists != ComplaintType.NONE)) {
            String percent = Math.round(100 * sure.probability()) + "%";
            String terms = String.join(", ", sure.evidence());
            String why = open && !none ? chat.reason("complaint.model", percent, terms)
                    : chat.reason("complaint.overruled", percent, lists.name(),
                            none ? sure.type().name() : sure.type().name() + " (" + terms + ")");
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
