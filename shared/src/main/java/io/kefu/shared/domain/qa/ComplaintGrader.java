package io.kefu.shared.domain.qa;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 投诉分级 from the customer's complaint turns (upset, or naming a problem): the type whose words the
 * customer used most in them, escalation threats matched as whole words, severity from threats, repeated
 * contact and upset. A chat without a complaint turn or a threat is no complaint.
 */
final class ComplaintGrader {
    private final int[] typeLexicon = new int[ComplaintType.values().length];
    private final int[] escalationLexicon = new int[EscalationSignal.values().length];
    private final int problemLexicon;

    ComplaintGrader(CompiledRulebook book) {
        for (ComplaintType type : ComplaintType.values()) {
            typeLexicon[type.ordinal()] = book.lexiconOf(Lexicon.complaint(type));
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            escalationLexicon[signal.ordinal()] = book.lexiconOf(Lexicon.escalation(signal));
        }
        problemLexicon = book.lexiconOf(Lexicon.PROBLEM);
    }

    /** The lexicons of a threat to go to a regulator, the media or a lawyer: an upset sign too. */
    int[] threatLexicons() {
        return new int[] {escalationLexicon[EscalationSignal.REGULATOR.ordinal()],
                escalationLexicon[EscalationSignal.MEDIA.ordinal()], escalationLexicon[EscalationSignal.LEGAL.ordinal()]};
    }

    ComplaintGrade grade(ScoredChat chat) {
        Set<Integer> complaintTurns = new HashSet<>();
        for (UpsetSignal.Turn turn : chat.upset()) {
            complaintTurns.add(turn.index());
        }
        boolean upset = !complaintTurns.isEmpty();
        for (int i : chat.customerMessages) {
            if (chat.hits.get(i).has(problemLexicon)) {
                complaintTurns.add(i);
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
                }
            }
        }
        if (complaintTurns.isEmpty() && signals.isEmpty()) {
            return ComplaintGrade.none(); // a question or request naming a topic is no complaint
        }
        if (best == ComplaintType.NONE) {
            best = ComplaintType.OTHER;
        }
        return new ComplaintGrade(best, severity(signals, upset, best), List.copyOf(signals));
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

    /** The type whose words the customer used most in these turns (null: in every customer turn). */
    private ComplaintType bestType(ChatAnalysis chat, Set<Integer> turns) {
        ComplaintType best = ComplaintType.NONE;
        int bestCount = 0;
        for (ComplaintType type : ComplaintType.values()) {
            int lexicon = typeLexicon[type.ordinal()];
            int count = 0;
            for (int i : chat.customerMessages) {
                if (turns == null || turns.contains(i)) {
                    count += chat.hits.get(i).count(lexicon);
                }
            }
            if (count > bestCount) {
                best = type;
                bestCount = count;
            }
        }
        return best;
    }
}
