package io.kefu.shared.domain.qa;

/** PASS/FAIL count towards the score; NOT_APPLICABLE leaves the denominator; INFO is recorded only (promises). */
public enum Outcome {
    PASS, FAIL, NOT_APPLICABLE, INFO
}
