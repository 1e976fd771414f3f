package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.Map;

/**
 * A versioned QA scorecard as written in YAML (see {@code rulebooks/default.yaml}). Every score
 * records {@code id} and {@code version} so it can be reproduced; a changed rulebook gets a new version.
 *
 * <p>{@code lists} are named phrase lists a lead defines once and names in any phrase list of the rulebook as
 * {@code "@name"} (the flat 不能's refusal words and reasons, each used twice): the entry stands for every
 * phrase of the list, and under {@code all} or {@code atLeast} it is one item met by any of them
 * ({@link CompiledRulebook} expands them; an unknown name is refused at load with the field that names it).
 */
public record Rulebook(
        String id,
        int version,
        String description,
        Normalization normalization,
        Scoring scoring,
        Signals signals,
        Complaint complaint,
        List<Section> sections,
        Map<String, List<String>> lists,
        List<Rule> rules) {

    /** This rulebook as another version (a draft published again, a test's second version). */
    public Rulebook withVersion(int newVersion) {
        return new Rulebook(id, newVersion, description, normalization, scoring, signals, complaint, sections, lists, rules);
    }

    /** This rulebook with other rules (a generated lexicon added, as the benchmarks do). */
    public Rulebook withRules(List<Rule> newRules) {
        return new Rulebook(id, version, description, normalization, scoring, signals, complaint, sections, lists, newRules);
    }

    /** A scorecard section: items name it in {@code section}; an {@code autoFail} item failing zeroes it. */
    public record Section(String id, String description) {}

    public Rulebook {
        normalization = normalization == null ? new Normalization(List.of()) : normalization;
        scoring = scoring == null ? new Scoring(80, 0.05) : scoring;
        signals = signals == null ? new Signals(List.of(), List.of(), 2, true, List.of()) : signals;
        sections = sections == null ? List.of() : List.copyOf(sections);
        lists = lists == null ? Map.of() : Map.copyOf(lists);
        complaint = complaint == null ? new Complaint(Map.of(), Map.of()) : complaint;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Characters dropped before matching: filler particles (亲, 哦, 呢, 啦 ...). */
    public record Normalization(List<String> fillers) {
        public Normalization {
            fillers = fillers == null ? List.of() : List.copyOf(fillers);
        }
    }

    /** Below {@code reviewBelow} a transcript needs review; {@code calibrationSampleRate} of the rest too. */
    public record Scoring(int reviewBelow, double calibrationSampleRate) {}

    /**
     * Customer-side signals. Upset is graded per customer sentence (see {@link UpsetSignal}): a
     * {@code negativeEmotion} phrase (not after one of the {@code negations}; more after an {@code intensifiers}
     * word), an {@code impatience} phrase (怎么还没, 到底: weaker), angry punctuation (!!, ?!) or capitals, an escalation threat, the same complaint said again
     * (similarity {@code repeatSimilarity}), or a {@code repeatedWords} phrase said {@code repeatThreshold}
     * times (a weak signal alone: a merchant saying 退款 twice is stating facts). A sentence at or above
     * {@code upsetThreshold} is an upset turn. Structural signals: a {@code rhetorical} question frame (不是*吗,
     * 凭什么, "how hard is it"), an accusation (one of the {@code accusers} -- 你们, "you" -- then one of the
     * {@code accusations} -- 根本没, "messed up" -- in the same clause; an accuser inside one of the
     * {@code notAccusers} -- 你好, "thank you" -- is none), contacts counted (问过两次了, "called 4-5
     * times"), a stated wait (十多天了, "for 3 weeks") and negative emoji; angry punctuation is not counted in a
     * sentence with {@code gratitude} ("Thank you!!"), and neither are punctuation and capitals in one with a
     * {@code delight} word that names none of {@code complaint.problems} ("I LOVE WALMART", "This is so cool!!":
     * excitement). {@code transferNotices} mark a transfer in system messages.
     */
    public record Signals(
            List<String> negativeEmotion,
            List<String> repeatedWords,
            int repeatThreshold,
            boolean angryPunctuation,
            List<String> transferNotices,
            List<String> intensifiers,
            List<String> negations,
            List<String> impatience,
            Integer upsetThreshold,
            Double repeatSimilarity,
            List<String> rhetorical,
            List<String> accusers,
            List<String> accusations,
            List<String> notAccusers,
            List<String> gratitude,
            List<String> delight) {
        public Signals {
            negativeEmotion = negativeEmotion == null ? List.of() : List.copyOf(negativeEmotion);
            repeatedWords = repeatedWords == null ? List.of() : List.copyOf(repeatedWords);
            transferNotices = transferNotices == null ? List.of() : List.copyOf(transferNotices);
            intensifiers = intensifiers == null ? List.of() : List.copyOf(intensifiers);
            negations = negations == null ? List.of() : List.copyOf(negations);
            impatience = impatience == null ? List.of() : List.copyOf(impatience);
            rhetorical = rhetorical == null ? List.of() : List.copyOf(rhetorical);
            accusers = accusers == null ? List.of() : List.copyOf(accusers);
            accusations = accusations == null ? List.of() : List.copyOf(accusations);
            notAccusers = notAccusers == null ? List.of() : List.copyOf(notAccusers);
            gratitude = gratitude == null ? List.of() : List.copyOf(gratitude);
            delight = delight == null ? List.of() : List.copyOf(delight);
            repeatThreshold = repeatThreshold <= 0 ? 2 : repeatThreshold;
            upsetThreshold = upsetThreshold == null ? 2 : upsetThreshold;
            repeatSimilarity = repeatSimilarity == null ? 0.6 : repeatSimilarity;
        }

        public Signals(List<String> negativeEmotion, List<String> repeatedWords, int repeatThreshold,
                boolean angryPunctuation, List<String> transferNotices) {
            this(negativeEmotion, repeatedWords, repeatThreshold, angryPunctuation, transferNotices, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Complaint grading lexicons: phrases per {@link ComplaintType} and per escalation signal. A chat is a
     * complaint when the customer was upset, threatened to escalate, or said one of the {@code problems}
     * (坏了, 还没收到, "not working"); a question that merely names a topic (发票, refund?) is none, and so is a
     * repair the customer says they caused ({@code selfCaused}: 是我摔坏的, "my fault") unless they threaten, and so is
     * a calm request the rulebook lists ({@code calmRequests}: getting back into an account, "recover my account",
     * "I forgot my email", "was hacked", or any question a lead names) unless the customer is upset or threatens; the
     * complaint-type model does not make a complaint of those either. {@code accessRequests}, its name before
     * 2026-12-07, is read as {@code calmRequests}, so rulebooks published with it load as they scored.
     * {@code notProblems} are the exclusions of {@code problems}, as every rule has: a problem word inside one of
     * them names no problem (没故障, 只要坏了就能换吗, 怎么查到哪里了, "no problem"), so a lead fixes such a false
     * complaint in the rulebook.
     * {@code model} is {@value #BUNDLED_MODEL} (the default: the complaint-type model trained on the labelled corpus
     * decides the type when it is sure, {@link ComplaintTypeModel}) or {@value #NO_MODEL} (the lexicons alone decide).
     * {@code overruleAt} is how sure that model must be to overrule what the lists decided: a type phrase the customer
     * used, or an upset customer's complaint it reads as none ({@value #DEFAULT_OVERRULE_AT} unless set, chosen on
     * dev's folds, docs/qa-accuracy.md "The model overrules the lists"; 1: never). The lead's exclusions and an
     * escalation the customer voiced are never overruled.
     */
    public record Complaint(Map<ComplaintType, List<String>> types, Map<EscalationSignal, List<String>> escalation,
            List<String> problems, List<String> selfCaused, List<String> notProblems,
            @JsonAlias("accessRequests") List<String> calmRequests,
            String model, Double overruleAt) {
        public static final String BUNDLED_MODEL = "bundled";
        public static final String NO_MODEL = "none";
        public static final double DEFAULT_OVERRULE_AT = 0.75;

        public Complaint {
            model = model == null ? BUNDLED_MODEL : model;
            overruleAt = overruleAt == null ? DEFAULT_OVERRULE_AT : overruleAt;
            types = types == null ? Map.of() : Map.copyOf(types);
            escalation = escalation == null ? Map.of() : Map.copyOf(escalation);
            problems = problems == null ? List.of() : List.copyOf(problems);
            selfCaused = selfCaused == null ? List.of() : List.copyOf(selfCaused);
            notProblems = notProblems == null ? List.of() : List.copyOf(notProblems);
            calmRequests = calmRequests == null ? List.of() : List.copyOf(calmRequests);
        }

        public Complaint(Map<ComplaintType, List<String>> types, Map<EscalationSignal, List<String>> escalation) {
            this(types, escalation, null, null, null, null, null, null);
        }

        public boolean usesModel() {
            return BUNDLED_MODEL.equals(model);
        }
    }
}
