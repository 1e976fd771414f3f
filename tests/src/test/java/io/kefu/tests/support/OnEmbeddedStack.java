package io.kefu.tests.support;

import io.kefu.local.stack.LocalAwsStack;
import java.nio.file.Path;

/** The embedded ElasticMQ + dynalite stack, one per JVM, a fresh stage per call. */
public interface OnEmbeddedStack extends ScenarioBackend {
    @Override
    default LocalAwsStack stack(Path template) {
        return LocalAwsStack.shared().withTemplate(template, LocalAwsStack.uniqueStage());
    }
}
