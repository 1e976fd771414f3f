package io.kefu.shared.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.kefu.shared.effects.Invocation;
import java.time.Clock;

/** The {@link Invocation} of a Lambda call: its context's remaining time on the functions' clock. */
public final class LambdaInvocation {
    private LambdaInvocation() {}

    /** {@code context} null (a test calling the handler directly): the template's default timeout. */
    public static Invocation of(Context context, Clock clock) {
        return context == null ? Invocation.fresh(clock) : Invocation.remaining(clock, context.getRemainingTimeInMillis());
    }
}
