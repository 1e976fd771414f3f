package io.kefu.local.runtime;

/** What one function has done so far in a {@link LocalLambdaRuntime}. */
public record FunctionStats(String functionLogicalId, int invocations, int errors, int messagesReceived,
                            int messagesDeleted, int messagesFailed) {
    FunctionStats plus(int invocations, int errors, int received, int deleted, int failed) {
        return new FunctionStats(functionLogicalId, this.invocations + invocations, this.errors + errors,
                messagesReceived + received, messagesDeleted + deleted, messagesFailed + failed);
    }
}
