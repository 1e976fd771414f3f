package io.kefu.shared.app.qa;

import io.kefu.shared.contract.SurveyRequest;

/** The survey-requests queue, as the scoring service sees it. */
@FunctionalInterface
public interface SurveyRequests {
    void send(SurveyRequest request);
}
