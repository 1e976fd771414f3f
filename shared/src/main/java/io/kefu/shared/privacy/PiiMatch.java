package io.kefu.shared.privacy;

/** One piece of personal data found in a text: [start, end) in the original string. */
public record PiiMatch(PiiKind kind, int start, int end) {}
