/**
 * The one mechanism for exactly-once effects over at-least-once delivery, after the shape of Powertools'
 * idempotency module: {@link io.kefu.shared.effects.Invocation} (how long this Lambda invocation may still
 * run), {@link io.kefu.shared.effects.Lease} (owner + deadline, taken from the invocation),
 * {@link io.kefu.shared.effects.PayloadHash} beside every idempotency key and the
 * {@link io.kefu.shared.effects.Repeat} decision it gives, {@link io.kefu.shared.effects.Steps} for
 * resumable record-intent -> effect -> mark-done sequences, and {@link io.kefu.shared.effects.ScheduledBatch}
 * for the scheduled sweeps. No AWS imports: the DynamoDB side is {@code io.kefu.shared.aws.DynamoLease}.
 */
package io.kefu.shared.effects;
