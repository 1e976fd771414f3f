package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.Transcript;

/** One labelled chat: the transcript exactly as the chat system would queue it (contract v1), and its gold label. */
public record GoldChat(String id, Transcript transcript, GoldLabel gold) {}
