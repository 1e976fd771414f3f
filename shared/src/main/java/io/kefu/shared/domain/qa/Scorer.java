package io.kefu.shared.domain.qa;

import io.kefu.shared.domain.customer.CustomerPreferences;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a transcript against a compiled rulebook: each message is scanned once by the automaton, then every
 * rule's condition (see {@link Condition}) reads the hits; the rule's kind says which check judges it
 * ({@link PhrasingChecks}, {@link EmpathyCheck}, {@link PiiDisclosureCheck}, {@link TimingChecks},
 * {@link PromiseCheck}, {@link TransferCheck}); {@link ComplaintGrader} grades the complaint and
 * {@link ScoreTotals} adds it up. Pure: same transcript + same rulebook version = same score.
 */
public final class Scorer {
    private final CompiledRulebook book;
    private final PhrasingChecks phrasing;
    private final PiiDisclosureCheck pii;
    private final PromiseCheck promises;
    private final TransferCheck transfer;
    private final ComplaintGrader complaint;
    private final ScoreTotals totals;
    private final int[] threatLexicons;

    public Scorer(CompiledRulebook book) {
        this(book, CustomerPreferences.DEFAULT_ZONE);
    }

    /** @param zone the shop's time zone: promise due times such as 明天 are read in it */
    public Scorer(CompiledRulebook book, ZoneId zone) {
        this(book, zone, book.rulebook().complaint().usesModel() ? ComplaintTypeModel.bundled() : null);
    }

    /** With a complaint-type model of one's own ({@code kefu qa train}); null: the rulebook's lexicons alone. */
    public Scorer(CompiledRulebook book, ZoneId zone, ComplaintTypeModel complaintModel) {
        this.book = book;
        RuleExamples examples = new RuleExamples(book.rulebook());
        this.phrasing = new PhrasingChecks(book, examples);
        this.pii = new PiiDisclosureCheck(book);
        this.promises = new PromiseCheck(zone);
        this.transfer = new TransferCheck(book, examples);
        this.complaint = new ComplaintGrader(book, complaintModel);
        this.totals = new ScoreTotals(book.rulebook());
        this.threatLexicons = complaint.threatLexicons();
    }

    public CompiledRulebook rulebook() {
        return book;
    }

    /** The complaint-type model this scorer grades with, as its scores record it ({@code complaintModel}); null: none. */
    public String complaintModel() {
        return complaint.modelId();
    }

    /**
     * Loads now what the first chat would otherwise load: the complaint-type model's sentence models (about a second).
     * The scoring function calls it before a SnapStart snapshot, so a restored function scores its first chat as fast
     * as the next.
     */
    public void warmUp() {
        complaint.warmUp();
    }

    public QaScore score(Transcript transcript) {
        ScoredChat chat = new ScoredChat(transcript, book, threatLexicons);
        List<Finding> findings = new ArrayList<>(book.rulebook().rules().size() + 4);
        List<Promise> promised = new ArrayList<>();
        for (Rule rule : book.rulebook().rules()) {
            switch (rule.kind()) {
                case OPENING_GREETING -> findings.add(phrasing.presentIn(rule, chat, true, rule.windowOr(1), "greeting"));
                case CLOSING -> findings.add(phrasing.presentIn(rule, chat, false, rule.windowOr(2), "closing"));
                case SATISFACTION_ASK -> findings.add(phrasing.presentIn(rule, chat, false, rule.windowOr(3), "satisfaction"));
                case EMPATHY -> findings.add(EmpathyCheck.check(rule, chat));
                case FORBIDDEN, RED_LINE -> findings.add(phrasing.forbidden(rule, chat));
                case CHECK -> findings.add(phrasing.check(rule, chat));
                case PII_DISCLOSURE -> findings.add(pii.check(rule, chat));
                case FIRST_RESPONSE -> findings.add(TimingChecks.firstResponse(rule, chat));
                case REPLY_GAP -> findings.add(TimingChecks.replyGap(rule, chat));
                case PROMISE -> findings.addAll(promises.check(rule, chat, promised));
                case TRANSFER -> findings.add(transfer.check(rule, chat));
            }
        }
        return totals.total(transcript, totals.sectionAutoFail(chat, findings), complaint.grade(chat), promised);
    }
}
