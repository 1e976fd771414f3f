package io.kefu.shared.domain.qa;

/** The outcome of a valid review request: the score in force afterwards and the status it moves to. */
public record ReviewDecision(ReviewAction action, int oldScore, int newScore, ScoreStatus from, ScoreStatus to) {}
