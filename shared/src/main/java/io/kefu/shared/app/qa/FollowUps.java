package io.kefu.shared.app.qa;

import io.kefu.shared.contract.PromiseFollowUp;

/** The follow-ups queue, as the scoring service sees it. */
@FunctionalInterface
public interface FollowUps {
    void send(PromiseFollowUp task);
}
