package io.kefu.shared.domain.qa;

import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.privacy.PiiMatch;
import io.kefu.shared.privacy.ChatLine;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.privacy.RedactionMarks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a transcript against a compiled rulebook: each message is scanned once by the automaton, then every
 * rule's condition (see {@link Condition}) reads the hits; the rule's kind says where it must or must not hold.
 * Timing rules are interval checks on timestamps. Pure: same transcript + same rulebook version = same score.
 */
public final class Scorer {
    private static final int EVIDENCE_MAX = 120;
    private static final int TRANSFER_REPEAT_MIN_CHARS = 6;
    private static final MessageDigest SHA_256 = sha256();

    private final CompiledRulebook book;
    private final ZoneId zone;
    private final Map<String, Integer> repeatLexicon = new HashMap<>();
    private final Map<String, Rule> rulesById = new HashMap<>();
    private final int transferNoticeLexicon;
    private final int[] complaintLexicon = new int[ComplaintType.values().length];
    private final int[] escalationLexicon = new int[EscalationSignal.values().length];
    private final int[] threatLexicons;
    private final int problemLexicon;
    // example(rule, lang) per rule id and language, computed once per compiled rulebook
    private final Map<String, Map<Lang, String>> examples = new HashMap<>();

    public Scorer(CompiledRulebook book) {
        this(book, CustomerPreferences.DEFAULT_ZONE);
    }

    /** @param zone the shop's time zone: promise due times such as 明天 are read in it */
    public Scorer(CompiledRulebook book, ZoneId zone) {
        this.book = book;
        this.zone = zone;
        for (Rule rule : book.rulebook().rules()) {
            rulesById.put(rule.id(), rule);
            repeatLexicon.put(rule.id(), book.lexiconOf(Lexicon.repeatAsk(rule.id())));
            Map<Lang, String> byLang = new java.util.EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                byLang.put(lang, computeExample(rule, lang));
            }
            examples.put(rule.id(), byLang);
        }
        transferNoticeLexicon = book.lexiconOf(Lexicon.TRANSFER_NOTICE);
        for (ComplaintType type : ComplaintType.values()) {
            complaintLexicon[type.ordinal()] = book.lexiconOf(Lexicon.complaint(type));
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            escalationLexicon[signal.ordinal()] = book.lexiconOf(Lexicon.escalation(signal));
        }
        problemLexicon = book.lexiconOf(Lexicon.PROBLEM);
        threatLexicons = new int[] {escalationLexicon[EscalationSignal.REGULATOR.ordinal()],
                escalationLexicon[EscalationSignal.MEDIA.ordinal()], escalationLexicon[EscalationSignal.LEGAL.ordinal()]};
    }

    public CompiledRulebook rulebook() {
        return book;
    }

    public QaScore score(Transcript transcript) {
        Chat chat = new Chat(transcript);
        List<Finding> findings = new ArrayList<>(book.rulebook().rules().size() + 4);
        List<Promise> promises = new ArrayList<>();
        for (Rule rule : book.rulebook().rules()) {
            switch (rule.kind()) {
                case OPENING_GREETING -> findings.add(presentIn(rule, chat, true, rule.windowOr(1), "greeting"));
                case CLOSING -> findings.add(presentIn(rule, chat, false, rule.windowOr(2), "closing"));
                case SATISFACTION_ASK -> findings.add(presentIn(rule, chat, false, rule.windowOr(3), "satisfaction"));
                case EMPATHY -> findings.add(empathy(rule, chat));
                case FORBIDDEN, RED_LINE -> findings.add(forbidden(rule, chat));
                case CHECK -> findings.add(check(rule, chat));
                case PII_DISCLOSURE -> findings.add(piiDisclosure(rule, chat));
                case FIRST_RESPONSE -> findings.add(firstResponse(rule, chat));
                case REPLY_GAP -> findings.add(replyGap(rule, chat));
                case PROMISE -> findings.addAll(promises(rule, chat, promises));
                case TRANSFER -> findings.add(transfer(rule, chat));
            }
        }
        return total(transcript, sectionAutoFail(chat, findings), complaint(chat), promises);
    }

    /** An autoFail item that failed zeroes the points of every item of its section (the item itself included). */
    private List<Finding> sectionAutoFail(Chat chat, List<Finding> findings) {
        Map<String, String> failedSections = new HashMap<>();
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.ruleId());
            if (f.failed() && rule.autoFails() && rule.section() != null) {
                failedSections.putIfAbsent(rule.section(), rule.id());
            }
        }
        if (failedSections.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.ruleId());
            String by = rule.section() == null ? null : failedSections.get(rule.section());
            if (by != null && f.counts() && f.points() > 0) {
                out.add(new Finding(f.ruleId(), f.kind(), f.outcome(), f.redLine(), f.weight(), 0, f.messageIndex(),
                        f.evidence(), f.reason() + " " + chat.reason("section.autofail", rule.section(), by)));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ totals

    private QaScore total(Transcript t, List<Finding> findings, ComplaintGrade complaint, List<Promise> promises) {
        int weight = 0;
        int points = 0;
        boolean redLine = false;
        for (Finding f : findings) {
            if (f.redLine() && f.failed()) {
                redLine = true;
            }
            if (f.counts() && !f.redLine()) {
                weight += f.weight();
                points += f.points();
            }
        }
        int score = weight == 0 ? 100 : Math.round(100f * points / weight);
        var scoring = book.rulebook().scoring();
        QaStatus status;
        ReviewReason review;
        if (redLine) {
            score = 0;
            status = QaStatus.FAIL;
            review = ReviewReason.RED_LINE;
        } else if (score < scoring.reviewBelow()) {
            status = QaStatus.NEEDS_REVIEW;
            review = ReviewReason.LOW_SCORE;
        } else if (sampled(t.transcriptId(), scoring.calibrationSampleRate())) {
            status = QaStatus.NEEDS_REVIEW;
            review = ReviewReason.CALIBRATION_SAMPLE;
        } else {
            status = QaStatus.PASS;
            review = null;
        }
        return new QaScore(t.transcriptId(), book.rulebook().id(), book.rulebook().version(), score, status, review,
                findings, complaint, promises);
    }

    /** Calibration sampling from a hash of the transcript id: a redelivery gets the same answer. */
    static boolean sampled(String transcriptId, double rate) {
        if (rate <= 0) {
            return false;
        }
        try {
            // Cloning a ready digest skips the provider lookup of getInstance, which cost more than hashing the id.
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(transcriptId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return (bits >>> 11) * 0x1.0p-53 < rate;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ phrasing checks

    /** The rule's condition on agent replies: evidence per message index (null = no hit). */
    private String[] hits(Rule rule, Chat chat) {
        return hits(rule, chat, null);
    }

    private String[] hits(Rule rule, Chat chat, Condition.Range range) {
        CompiledCondition condition = book.condition(rule.id());
        return condition == null ? new String[chat.size()]
                : ConditionEvaluator.evaluate(condition, chat, Role.AGENT, range);
    }

    /** 开场白 / 结束语 / 确认满意: the condition holds in one of the first (or last) {@code window} agent replies. */
    private Finding presentIn(Rule rule, Chat chat, boolean first, int window, String key) {
        if (chat.agentReplies.isEmpty()) {
            return notApplicable(rule, chat, null, "no-agent-reply");
        }
        String[] hits = hits(rule, chat, first ? new Condition.Range(window, null) : new Condition.Range(null, window));
        List<Integer> replies = chat.agentReplies;
        int n = replies.size();
        for (int k = 0; k < Math.min(window, n); k++) {
            int i = replies.get(first ? k : n - 1 - k);
            if (hits[i] != null) {
                return pass(rule, i, hits[i], chat.reason(key + ".pass", evidence(hits[i])));
            }
        }
        String example = example(rule, chat.lang);
        return first
                ? fail(rule, replies.get(0), example, chat.reason(key + ".fail", example))
                : fail(rule, replies.get(n - 1), example, chat.reason(key + ".fail", window, example));
    }

    /** 安抚: after EACH upset customer turn, one of the next {@code window} agent replies empathises (none: FAIL). */
    private Finding empathy(Rule rule, Chat chat) {
        List<UpsetSignal.Turn> upset = chat.upset();
        if (upset.isEmpty()) {
            return notApplicable(rule, chat, null, "empathy.na");
        }
        int window = rule.windowOr(2);
        String[] hits = hits(rule, chat);
        Finding firstPass = null;
        int answeredUpTo = -1;
        for (UpsetSignal.Turn turn : upset) {
            if (turn.index() <= answeredUpTo) {
                continue; // the same outburst before the agent could answer it: judged once
            }
            int seen = 0;
            Integer firstReply = null;
            String matched = null;
            int matchedAt = -1;
            for (int i : chat.agentReplies) {
                if (i <= turn.index()) {
                    continue;
                }
                firstReply = firstReply == null ? i : firstReply;
                if (hits[i] != null) {
                    matched = hits[i];
                    matchedAt = i;
                    break;
                }
                if (++seen == window) {
                    break;
                }
            }
            if (firstReply == null) {
                // the chat ended on the outburst: left unanswered
                String trigger = evidence(turn.evidence());
                return fail(rule, turn.index(), trigger, chat.reason("empathy.fail", trigger, window));
            }
            if (matched == null) {
                String trigger = evidence(turn.evidence());
                return fail(rule, firstReply, trigger, chat.reason("empathy.fail", trigger, window));
            }
            answeredUpTo = firstReply;
            if (firstPass == null) {
                firstPass = pass(rule, matchedAt, matched, chat.reason("empathy.pass", evidence(matched)));
            }
        }
        return firstPass != null ? firstPass : notApplicable(rule, chat, null, "empathy.na");
    }

    /** 禁语 / red lines: the condition must hold in no agent reply. */
    private Finding forbidden(Rule rule, Chat chat) {
        String[] hits = hits(rule, chat);
        Integer first = null;
        int total = 0;
        CompiledCondition condition = book.condition(rule.id());
        for (int i : chat.agentReplies) {
            if (hits[i] != null) {
                first = first == null ? i : first;
                total += Math.max(1, keywordHits(condition, chat.hits.get(i)));
            }
        }
        boolean redLine = rule.kind() == RuleKind.RED_LINE;
        if (first == null) {
            return pass(rule, null, null, chat.reason(redLine ? "redline.pass" : "forbidden.pass"));
        }
        String shown = evidence(hits[first]);
        return fail(rule, first, shown, redLine ? chat.reason("redline.fail", shown) : chat.reason("forbidden.fail", shown, total));
    }

    /** Keyword matches of the ANY lists of a condition (through OR / AND) in one message: "共2处". */
    private static int keywordHits(CompiledCondition c, MessageHits h) {
        if (c.op == CompiledCondition.Op.ANY) {
            return h.countOutside(c.lexicon, c.excluded);
        }
        int n = 0;
        if (c.op == CompiledCondition.Op.OR || c.op == CompiledCondition.Op.AND) {
            for (CompiledCondition child : c.children) {
                n += keywordHits(child, h);
            }
        }
        return n;
    }

    /** CHECK: the rule model in full; where to look is the condition's own role / range / anchor. */
    private Finding check(Rule rule, Chat chat) {
        String[] hits = hits(rule, chat);
        Integer first = null;
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] != null) {
                first = i;
                break;
            }
        }
        boolean wanted = rule.expect() != Rule.Expect.absent;
        if (first == null) {
            return wanted ? fail(rule, null, null, chat.reason("check.missing", rule.id()))
                    : pass(rule, null, null, chat.reason("check.absent", rule.id()));
        }
        String shown = evidence(hits[first]);
        return wanted ? pass(rule, first, hits[first], chat.reason("check.found", rule.id(), shown))
                : fail(rule, first, shown, chat.reason("check.forbidden", rule.id(), shown));
    }

    /**
     * Red line checked on the raw text: redaction for storage must not hide the leak it is about. A stored
     * transcript being re-scored is already redacted, so the redactor's tokens count as the leak too, and so
     * does the rule's condition when it has one (e.g. the PII placeholders of an exporting system).
     */
    private Finding piiDisclosure(Rule rule, Chat chat) {
        // the rule's own condition adds leaks the redactor cannot know, e.g. another system's PII placeholders
        String[] extra = book.condition(rule.id()) == null ? null : hits(rule, chat);
        // one pass over the agent's lines: a number typed over several consecutive replies is a leak too
        List<List<PiiMatch>> inChat = PiiRedactor.findInChat(chat.transcript.messages().stream()
                .map(m -> new ChatLine(m.role().name(), m.isAgent() ? m.text() : "")).toList());
        for (int i : chat.agentReplies) {
            if (extra != null && extra[i] != null) {
                String raw = chat.transcript.messages().get(i).text();
                return fail(rule, i, truncate(PiiRedactor.redact(raw)), chat.reason("pii.fail", evidence(extra[i])));
            }
            String raw = chat.transcript.messages().get(i).text();
            List<PiiMatch> found = inChat.get(i);
            if (found.isEmpty()) {
                found = RedactionMarks.find(raw);
            }
            if (!found.isEmpty()) {
                // the matches just found redact the evidence: no second scan of the same text
                return fail(rule, i, truncate(PiiRedactor.redact(raw, found)), chat.reason("pii.fail", PiiRedactor.kinds(found)));
            }
        }
        return pass(rule, null, null, chat.reason("pii.pass"));
    }

    // ------------------------------------------------------------------ timing checks

    private Finding firstResponse(Rule rule, Chat chat) {
        List<Message> messages = chat.transcript.messages();
        int customer = -1;
        for (Message m : messages) {
            if (m.isCustomer()) {
                customer = m.index();
                break;
            }
        }
        if (customer < 0) {
            return notApplicable(rule, chat, null, "first-response.na");
        }
        for (int i : chat.agentReplies) {
            if (i > customer) {
                long seconds = Duration.between(messages.get(customer).ts(), messages.get(i).ts()).toSeconds();
                return seconds <= rule.seconds()
                        ? pass(rule, i, null, chat.reason("first-response.pass", seconds, rule.seconds()))
                        : fail(rule, i, null, chat.reason("first-response.fail", seconds, rule.seconds()));
            }
        }
        return fail(rule, customer, null, chat.reason("first-response.none"));
    }

    /** Every wait after the first (which FIRST_RESPONSE judges): first unanswered customer message -> next agent reply. */
    private Finding replyGap(Rule rule, Chat chat) {
        Message waitingSince = null;
        boolean firstWait = true;
        long worst = -1;
        Integer worstAt = null;
        for (Message m : chat.transcript.messages()) {
            if (m.isCustomer() && waitingSince == null) {
                waitingSince = m;
            } else if (m.isAgent() && waitingSince != null) {
                long seconds = Duration.between(waitingSince.ts(), m.ts()).toSeconds();
                if (!firstWait && seconds > worst) {
                    worst = seconds;
                    worstAt = m.index();
                }
                firstWait = false;
                waitingSince = null;
            }
        }
        if (worstAt == null) {
            return notApplicable(rule, chat, null, "gap.na");
        }
        return worst <= rule.seconds()
                ? pass(rule, worstAt, null, chat.reason("gap.pass", worst, rule.seconds()))
                : fail(rule, worstAt, null, chat.reason("gap.fail", worst, rule.seconds()));
    }

    // ------------------------------------------------------------------ promise, transfer

    /** Each agent reply promising to come back becomes a follow-up, due when the sentence says or by the rule default. */
    private List<Finding> promises(Rule rule, Chat chat, List<Promise> into) {
        Duration fallback = Duration.ofHours(rule.followUpHours() == null ? 24 : rule.followUpHours());
        String[] hits = hits(rule, chat);
        List<Finding> out = new ArrayList<>();
        for (int i : chat.agentReplies) {
            if (hits[i] == null) {
                continue;
            }
            Message m = chat.message(i);
            Instant dueBy = PromiseDue.parse(m.text(), m.ts(), zone).orElse(m.ts().plus(fallback));
            String shown = evidence(hits[i]);
            into.add(new Promise(rule.id(), i, m.agentId(), dueBy, evidence(m.text())));
            out.add(new Finding(rule.id(), rule.kind(), Outcome.INFO, false, 0, 0, i, shown,
                    chat.reason("promise.info", shown, dueBy.toString())));
        }
        if (out.isEmpty()) {
            out.add(notApplicable(rule, chat, null, "promise.na"));
        }
        return out;
    }

    /**
     * 转接: only an explicit transfer counts (a system notice, or the agent announcing it); a new agent id
     * alone is a team answering in turns. It passes when announced and the customer did not have to repeat
     * the problem (asked to, or saying nearly the same as before the transfer).
     */
    private Finding transfer(Rule rule, Chat chat) {
        String[] announced = hits(rule, chat);
        int notice = -1;
        for (Message m : chat.transcript.messages()) {
            if (m.role() == Role.SYSTEM && chat.hits.get(m.index()).has(transferNoticeLexicon)) {
                notice = m.index();
                break;
            }
        }
        int announcement = -1;
        int window = rule.windowOr(2);
        if (notice >= 0) {
            int seen = 0;
            for (int k = chat.agentReplies.size() - 1; k >= 0 && seen < window; k--) {
                int i = chat.agentReplies.get(k);
                if (i > notice) {
                    continue;
                }
                seen++;
                if (announced[i] != null) {
                    announcement = i;
                    break;
                }
            }
        } else {
            for (int i : chat.agentReplies) {
                if (announced[i] != null) {
                    announcement = i;
                    break;
                }
            }
        }
        if (notice < 0 && announcement < 0) {
            return notApplicable(rule, chat, null, "transfer.na");
        }
        int at = notice >= 0 ? notice : announcement;
        int repeatAsk = repeatLexicon.get(rule.id());
        for (int i : chat.agentReplies) {
            if (i > at && chat.hits.get(i).has(repeatAsk)) {
                String shown = evidence(chat.hits.get(i).evidence(repeatAsk));
                return fail(rule, i, shown, chat.reason("transfer.repeat", shown));
            }
        }
        int repeated = customerRepeated(chat, at);
        if (repeated >= 0) {
            String shown = evidence(chat.message(repeated).text());
            return fail(rule, repeated, shown, chat.reason("transfer.repeat", shown));
        }
        if (announcement < 0) {
            String example = example(rule, chat.lang);
            return fail(rule, at, example, chat.reason("transfer.unannounced", example));
        }
        return pass(rule, announcement, announced[announcement],
                chat.reason("transfer.pass", evidence(announced[announcement])));
    }

    /** A customer sentence after the transfer that says nearly what one before it said, or -1. */
    private int customerRepeated(Chat chat, int at) {
        double threshold = book.rulebook().signals().repeatSimilarity();
        for (int after : chat.customerMessages) {
            String text = chat.hits.get(after).normalizedText();
            if (after <= at || text.length() < TRANSFER_REPEAT_MIN_CHARS) {
                continue;
            }
            for (int before : chat.customerMessages) {
                MessageHits earlier = chat.hits.get(before);
                if (before < at && earlier.normalizedText().length() >= TRANSFER_REPEAT_MIN_CHARS
                        && CompiledRulebook.dice(chat.hits.get(after), earlier) >= threshold) {
                    return after;
                }
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ complaint grading

    /**
     * 投诉分级 from the customer's complaint turns (upset, or naming a problem): the type whose words the
     * customer used most in them, escalation threats matched as whole words, severity from threats, repeated
     * contact and upset. A chat without a complaint turn or a threat is no complaint.
     */
    private ComplaintGrade complaint(Chat chat) {
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
        ComplaintSeverity severity;
        if (signals.contains(EscalationSignal.REGULATOR) || signals.contains(EscalationSignal.MEDIA)
                || signals.contains(EscalationSignal.LEGAL)) {
            severity = ComplaintSeverity.HIGH;
        } else if (signals.contains(EscalationSignal.REPEATED_CONTACT) || (upset && best != ComplaintType.NONE)) {
            severity = ComplaintSeverity.MEDIUM;
        } else if (best != ComplaintType.NONE) {
            severity = ComplaintSeverity.LOW;
        } else {
            severity = ComplaintSeverity.NONE;
        }
        return new ComplaintGrade(best, severity, List.copyOf(signals));
    }

    /** The type whose words the customer used most in these turns (null: in every customer turn). */
    private ComplaintType bestType(Chat chat, Set<Integer> turns) {
        ComplaintType best = ComplaintType.NONE;
        int bestCount = 0;
        for (ComplaintType type : ComplaintType.values()) {
            int lexicon = complaintLexicon[type.ordinal()];
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

    // ------------------------------------------------------------------ helpers

    /** "!!", "？？？", "?!" or "!?" (half or full width): shouting at the agent. */
    static boolean angryPunctuation(String raw) {
        return UpsetSignal.angryPunctuation(raw);
    }

    private static String evidence(String raw) {
        if (raw == null) {
            return null;
        }
        return truncate(PiiRedactor.redact(raw));
    }

    private static String truncate(String redacted) {
        return redacted.length() <= EVIDENCE_MAX ? redacted : redacted.substring(0, EVIDENCE_MAX) + "…";
    }

    /** A phrase of the rule in the transcript's language, to say what was missing. */
    private String example(Rule rule, Lang lang) {
        Map<Lang, String> byLang = examples.get(rule.id());
        String cached = byLang == null || lang == null ? null : byLang.get(lang);
        return cached != null ? cached : computeExample(rule, lang);
    }

    private static String computeExample(Rule rule, Lang lang) {
        List<String> candidates = new ArrayList<>();
        if (rule.condition() != null) {
            collectPhrases(rule.condition(), candidates);
        }
        candidates.removeIf(p -> p.contains("*"));
        for (String phrase : candidates) {
            boolean latin = phrase.chars().allMatch(c -> c < 0x2E80);
            if (latin == (lang == Lang.EN)) {
                return phrase;
            }
        }
        return candidates.isEmpty() ? rule.id() : candidates.get(0);
    }

    /** Positive phrases and scripts of a condition (not under a NOT, an anchor or an exclusion), in order. */
    private static void collectPhrases(Condition c, List<String> into) {
        into.addAll(c.any());
        into.addAll(c.all());
        if (c.atLeast() != null) {
            into.addAll(c.atLeast().of());
        }
        if (c.similar() != null) {
            into.addAll(c.similar().scripts());
        }
        c.and().forEach(part -> collectPhrases(part, into));
        c.or().forEach(part -> collectPhrases(part, into));
    }

    private static Finding pass(Rule rule, Integer index, String evidence, String reason) {
        return new Finding(rule.id(), rule.kind(), Outcome.PASS, rule.redLine(), rule.weight(), rule.weight(), index,
                evidence == null ? null : evidence(evidence), reason);
    }

    private static Finding fail(Rule rule, Integer index, String evidence, String reason) {
        return new Finding(rule.id(), rule.kind(), Outcome.FAIL, rule.redLine(), rule.weight(), 0, index, evidence, reason);
    }

    private static Finding notApplicable(Rule rule, Chat chat, Integer index, String key) {
        return new Finding(rule.id(), rule.kind(), Outcome.NOT_APPLICABLE, rule.redLine(), rule.weight(), 0, index,
                null, chat.reason(key));
    }

    /** The analysed chat plus this rulebook's upset turns, computed on first use. */
    private final class Chat extends ChatAnalysis {
        private List<UpsetSignal.Turn> upset;

        Chat(Transcript transcript) {
            super(transcript, book);
        }

        List<UpsetSignal.Turn> upset() {
            if (upset == null) {
                upset = UpsetSignal.turns(book, this, threatLexicons);
            }
            return upset;
        }
    }
}
