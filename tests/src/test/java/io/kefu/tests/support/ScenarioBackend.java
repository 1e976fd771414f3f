package io.kefu.tests.support;

import io.kefu.local.stack.LocalAwsStack;
import java.nio.file.Path;

/**
 * Where a scenario class runs. A scenario class is abstract and implements nothing of this; each backend is a
 * one-line subclass: {@code class XOnEmbeddedStackTest extends XScenarios implements OnEmbeddedStack {}} and
 * {@code @Testcontainers(disabledWithoutDocker = true) class XOnLocalStackTest extends XScenarios implements OnLocalStack {}}.
 */
public interface ScenarioBackend {

    /** The template's resources under a fresh, unique stage (so scenarios never see each other's data). */
    LocalAwsStack stack(Path template);
}
