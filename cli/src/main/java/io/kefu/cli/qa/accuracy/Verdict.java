package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Outcome;

/** A rule's verdict on a chat as a reviewer writes it: PASS, FAIL (a violation: the "positive" class) or NA. */
public enum Verdict {
    PASS, FAIL, NA;

    static Verdict of(Finding finding) {
        if (finding == null) {
            return NA;
        }
        return finding.outcome() == Outcome.PASS ? PASS : finding.outcome() == Outcome.FAIL ? FAIL : NA;
    }
}
