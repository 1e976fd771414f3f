package io.kefu.shared.domain.qa;

import io.kefu.shared.privacy.PiiMatch;
import io.kefu.shared.privacy.ChatLine;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.privacy.RedactionMarks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a transcript against a compiled rulebook: each message is scanned once by the automaton,
 * then every rule reads the hits. Pure: same transcript + same rulebook version = same score.
 */
public final class Scorer {
    private static final int EVIDENCE_MAX = 120;
    private static final double DEFAULT_SIMILARITY = 0.75;
    private static final MessageDigest SHA_256 = sha256();

    private final CompiledRulebook book;
    // Lexicon ids resolved once: looking names up per message cost more than matching them.
    private final Map<String, Integer> ruleLexicon = new HashMap<>();
    private final Map<String, Integer> repeatLexicon = new HashMap<>();
    private final int negativeLexicon;
    private final int repeatedLexicon;
    private final int transferNoticeLexicon;
    private final int[] complaintLexicon = new int[ComplaintType.values().length];
    private final int[] escalationLexicon = new int[EscalationSignal.values().length];
    // example(rule, lang) per rule id and language, computed once per compiled rulebook
    private final Map<String, Map<Lang, String>> examples = new HashMap<>();

    public Scorer(CompiledRulebook book) {
        this.book = book;
        for (Rule rule : book.rulebook().rules()) {
            ruleLexicon.put(rule.id(), book.lexiconOf(Lexicon.rule(rule.id())));
            repeatLexicon.put(rule.id(), book.lexiconOf(Lexicon.repeatAsk(rule.id())));
            Map<Lang, String> byLang = new java.util.EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                byLang.put(lang, computeExample(rule, lang));
            }
            examples.put(rule.id(), byLang);
        }
        negativeLexicon = book.lexiconOf(Lexicon.NEGATIVE);
        repeatedLexicon = book.lexiconOf(Lexicon.REPEATED);
        transferNoticeLexicon = book.lexiconOf(Lexicon.TRANSFER_NOTICE);
        for (ComplaintType type : ComplaintType.values()) {
            complaintLexicon[type.ordinal()] = book.lexiconOf(Lexicon.complaint(type));
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            escalationLexicon[signal.ordinal()] = book.lexiconOf(Lexicon.escalation(signal));
        }
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
                case OPENING_GREETING -> findings.add(greeting(rule, chat));
                case CLOSING -> findings.add(nearEnd(rule, chat, 2, "closing"));
                case SATISFACTION_ASK -> findings.add(nearEnd(rule, chat, 3, "satisfaction"));
                case EMPATHY -> findings.add(empathy(rule, chat));
                case FORBIDDEN, RED_LINE -> findings.add(forbidden(rule, chat));
                case PII_DISCLOSURE -> findings.add(piiDisclosure(rule, chat));
                case FIRST_RESPONSE -> findings.add(firstResponse(rule, chat));
                case REPLY_GAP -> findings.add(replyGap(rule, chat));
                case PROMISE -> findings.addAll(promises(rule, chat, promises));
                case TRANSFER -> findings.add(transfer(rule, chat));
            }
        }
        return total(transcript, findings, complaint(chat), promises);
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

    private Finding greeting(Rule rule, Chat chat) {
        if (chat.agentReplies.isEmpty()) {
            return notApplicable(rule, chat, null, "no-agent-reply");
        }
        int first = chat.agentReplies.get(0);
        String matched = matched(rule, chat, first);
        return matched != null
                ? pass(rule, first, matched, chat.reason("greeting.pass", evidence(matched)))
                : fail(rule, first, example(rule, chat.lang), chat.reason("greeting.fail", example(rule, chat.lang)));
    }

    private Finding nearEnd(Rule rule, Chat chat, int defaultWindow, String key) {
        if (chat.agentReplies.isEmpty()) {
            return notApplicable(rule, chat, null, "no-agent-reply");
        }
        int window = rule.windowOr(defaultWindow);
        List<Integer> replies = chat.agentReplies;
        for (int i = replies.size() - 1; i >= Math.max(0, replies.size() - window); i--) {
            String matched = matched(rule, chat, replies.get(i));
            if (matched != null) {
                return pass(rule, replies.get(i), matched, chat.reason(key + ".pass", evidence(matched)));
            }
        }
        int last = replies.get(replies.size() - 1);
        return fail(rule, last, example(rule, chat.lang), chat.reason(key + ".fail", window, example(rule, chat.lang)));
    }

    private Finding empathy(Rule rule, Chat chat) {
        int upset = chat.firstUpset();
        if (upset < 0) {
            return notApplicable(rule, chat, null, "empathy.na");
        }
        int window = rule.windowOr(2);
        int seen = 0;
        Integer firstReply = null;
        for (int i : chat.agentReplies) {
            if (i <= upset) {
                continue;
            }
            firstReply = firstReply == null ? i : firstReply;
            String matched = matched(rule, chat, i);
            if (matched != null) {
                return pass(rule, i, matched, chat.reason("empathy.pass", evidence(matched)));
            }
            if (++seen == window) {
                break;
            }
        }
        String trigger = evidence(chat.upsetEvidence());
        return fail(rule, firstReply != null ? firstReply : upset, trigger, chat.reason("empathy.fail", trigger, window));
    }

    private Finding forbidden(Rule rule, Chat chat) {
        int lexicon = ruleLexicon.get(rule.id());
        Integer first = null;
        String matched = null;
        int total = 0;
        for (int i : chat.agentReplies) {
            int count = chat.hits.get(i).count(lexicon);
            if (count > 0 && first == null) {
                first = i;
                matched = chat.hits.get(i).evidence(lexicon);
            }
            total += count;
        }
        boolean redLine = rule.kind() == RuleKind.RED_LINE;
        if (first == null) {
            return pass(rule, null, null, chat.reason(redLine ? "redline.pass" : "forbidden.pass"));
        }
        String shown = evidence(matched);
        return fail(rule, first, shown, redLine ? chat.reason("redline.fail", shown) : chat.reason("forbidden.fail", shown, total));
    }

    /**
     * Red line checked on the raw text: redaction for storage must not hide the leak it is about. A stored
     * transcript being re-scored is already redacted, so the redactor's tokens count as the leak too.
     */
    private Finding piiDisclosure(Rule rule, Chat chat) {
        // one pass over the agent's lines: a number typed over several consecutive replies is a leak too
        List<List<PiiMatch>> inChat = PiiRedactor.findInChat(chat.transcript.messages().stream()
                .map(m -> new ChatLine(m.role().name(), m.isAgent() ? m.text() : "")).toList());
        for (int i : chat.agentReplies) {
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

    private List<Finding> promises(Rule rule, Chat chat, List<Promise> into) {
        int lexicon = ruleLexicon.get(rule.id());
        Duration due = Duration.ofHours(rule.followUpHours() == null ? 24 : rule.followUpHours());
        List<Finding> out = new ArrayList<>();
        for (int i : chat.agentReplies) {
            String matched = chat.hits.get(i).has(lexicon) ? chat.hits.get(i).evidence(lexicon) : null;
            if (matched == null && similar(rule, chat, i)) {
                matched = chat.transcript.messages().get(i).text();
            }
            if (matched != null) {
                Message m = chat.transcript.messages().get(i);
                var dueBy = m.ts().plus(due);
                String shown = evidence(matched);
                into.add(new Promise(rule.id(), i, m.agentId(), dueBy, evidence(m.text())));
                out.add(new Finding(rule.id(), rule.kind(), Outcome.INFO, false, 0, 0, i, shown,
                        chat.reason("promise.info", shown, dueBy.toString())));
            }
        }
        if (out.isEmpty()) {
            out.add(notApplicable(rule, chat, null, "promise.na"));
        }
        return out;
    }

    private Finding transfer(Rule rule, Chat chat) {
        int at = chat.transferPoint();
        if (at < 0) {
            return notApplicable(rule, chat, null, "transfer.na");
        }
        int repeatAsk = repeatLexicon.get(rule.id());
        for (int i : chat.agentReplies) {
            if (i >= at && chat.hits.get(i).has(repeatAsk)) {
                String shown = evidence(chat.hits.get(i).evidence(repeatAsk));
                return fail(rule, i, shown, chat.reason("transfer.repeat", shown));
            }
        }
        int window = rule.windowOr(2);
        int seen = 0;
        for (int k = chat.agentReplies.size() - 1; k >= 0 && seen < window; k--) {
            int i = chat.agentReplies.get(k);
            if (i >= at) {
                continue;
            }
            seen++;
            String matched = matched(rule, chat, i);
            if (matched != null) {
                return pass(rule, i, matched, chat.reason("transfer.pass", evidence(matched)));
            }
        }
        return fail(rule, at, example(rule, chat.lang), chat.reason("transfer.unannounced", example(rule, chat.lang)));
    }

    // ------------------------------------------------------------------ complaint grading

    private ComplaintGrade complaint(Chat chat) {
        ComplaintType best = ComplaintType.NONE;
        int bestCount = 0;
        for (ComplaintType type : ComplaintType.values()) {
            int lexicon = complaintLexicon[type.ordinal()];
            int count = 0;
            for (int i : chat.customerMessages) {
                count += chat.hits.get(i).count(lexicon);
            }
            if (count > bestCount) {
                best = type;
                bestCount = count;
            }
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
        boolean upset = chat.firstUpset() >= 0;
        if (best == ComplaintType.NONE && (upset || !signals.isEmpty())) {
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

    // ------------------------------------------------------------------ helpers

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

    /** The phrase or paraphrase of the rule in this message, or null. */
    private String matched(Rule rule, Chat chat, int index) {
        MessageHits hits = chat.hits.get(index);
        int lexicon = ruleLexicon.get(rule.id());
        if (hits.has(lexicon)) {
            return hits.evidence(lexicon);
        }
        return similar(rule, chat, index) ? chat.transcript.messages().get(index).text() : null;
    }

    private boolean similar(Rule rule, Chat chat, int index) {
        return !rule.scripts().isEmpty()
                && book.similarAtLeast(rule.id(), chat.hits.get(index), rule.similarityOr(DEFAULT_SIMILARITY));
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
        List<String> candidates = new ArrayList<>(rule.phrases());
        candidates.addAll(rule.scripts());
        for (String phrase : candidates) {
            boolean latin = phrase.chars().allMatch(c -> c < 0x2E80);
            if (latin == (lang == Lang.EN)) {
                return phrase;
            }
        }
        return candidates.isEmpty() ? rule.id() : candidates.get(0);
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

    /** One transcript, analysed once: every message scanned, the agent and customer lines indexed. */
    private final class Chat {
        final Transcript transcript;
        final Lang lang;
        final List<MessageHits> hits;
        final List<Integer> agentReplies;
        final List<Integer> customerMessages;
        private int firstUpset = -2;
        private String upsetEvidence;

        Chat(Transcript transcript) {
            this.transcript = transcript;
            this.lang = transcript.lang();
            this.hits = new ArrayList<>(transcript.messages().size());
            this.agentReplies = new ArrayList<>(transcript.messages().size());
            this.customerMessages = new ArrayList<>(transcript.messages().size());
            for (Message m : transcript.messages()) {
                hits.add(book.analyze(m.text()));
                if (m.isAgent()) {
                    agentReplies.add(m.index());
                } else if (m.isCustomer()) {
                    customerMessages.add(m.index());
                }
            }
        }

        String reason(String key, Object... args) {
            return Reasons.of(lang, key, args);
        }

        /** Index of the first customer message showing negative emotion, or -1. */
        int firstUpset() {
            if (firstUpset != -2) {
                return firstUpset;
            }
            firstUpset = -1;
            var signals = book.rulebook().signals();
            int negative = negativeLexicon;
            int repeated = repeatedLexicon;
            int repeats = 0;
            for (int i : customerMessages) {
                MessageHits h = hits.get(i);
                String raw = transcript.messages().get(i).text();
                repeats += h.count(repeated);
                if (h.has(negative)) {
                    upsetEvidence = h.evidence(negative);
                } else if (signals.angryPunctuation() && angryPunctuation(raw)) {
                    upsetEvidence = raw;
                } else if (repeats >= signals.repeatThreshold()) {
                    upsetEvidence = h.has(repeated) ? h.evidence(repeated) : raw;
                } else {
                    continue;
                }
                firstUpset = i;
                break;
            }
            return firstUpset;
        }

        /** What showed the first upset (raw; redact before storing). Call after {@link #firstUpset()}. */
        String upsetEvidence() {
            return upsetEvidence;
        }

        /** Where the chat changed hands: a system transfer notice, or a reply from a different agent. */
        int transferPoint() {
            int notice = transferNoticeLexicon;
            String lastAgent = null;
            for (Message m : transcript.messages()) {
                if (m.role() == Role.SYSTEM && hits.get(m.index()).has(notice)) {
                    return m.index();
                }
                if (m.isAgent() && m.agentId() != null) {
                    if (lastAgent != null && !lastAgent.equals(m.agentId())) {
                        return m.index();
                    }
                    lastAgent = m.agentId();
                }
            }
            return -1;
        }
    }
}
